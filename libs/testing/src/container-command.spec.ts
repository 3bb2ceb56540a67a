import { withoutCredentials } from './container-command.js';

describe('withoutCredentials', () => {
  it('drops the user and password the testcontainers module adds', () => {
    expect(
      withoutCredentials(['--user', 'test', '--pass', 'test', '--jetstream', '--http_port', '8222']),
    ).toEqual(['--jetstream', '--http_port', '8222']);
  });

  it('leaves a command without credentials unchanged', () => {
    expect(withoutCredentials(['--jetstream', '-m', '8222'])).toEqual(['--jetstream', '-m', '8222']);
  });

  it('does not swallow the next flag when a credential flag has no value', () => {
    expect(withoutCredentials(['--user', '--jetstream'])).toEqual(['--jetstream']);
  });
});
