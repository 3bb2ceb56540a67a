import { statusFailure } from './fetch-failure.js';

const url = new URL('https://docs.example/page');

describe('statusFailure', () => {
  it.each([
    [404, 'http-404', false],
    [410, 'http-410', false],
    [401, 'http-401', false],
    [403, 'http-403', false],
    [400, 'http-400', false],
    [408, 'http-408', true],
    [429, 'http-429', true],
    [500, 'http-500', true],
    [503, 'http-503', true],
  ])('maps %i to %s (retryable: %s)', (status, code, retryable) => {
    expect(statusFailure(status, url)).toMatchObject({ code, retryable });
  });
});
