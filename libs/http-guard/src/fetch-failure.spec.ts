import { TaskError } from '@swarm/transport/errors';
import { toFetchFailure } from './fetch-failure.js';

const url = new URL('https://docs.example/page');
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('toFetchFailure', () => {
  const idle = { timeout: new AbortController().signal, timeoutMs: 1_000 };

  it('passes task errors through', () => {
    const error = TaskError.permanent('too-large', 'big');
    expect(toFetchFailure(error, url, idle)).toBe(error);
  });

  it("tells the caller's abort from the timeout", () => {
    expect(toFetchFailure(new Error('x'), url, { ...idle, caller: AbortSignal.abort() })).toMatchObject({
      code: 'aborted',
      retryable: true,
    });
    expect(toFetchFailure(new Error('x'), url, { ...idle, timeout: AbortSignal.abort() })).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    expect(toFetchFailure(withCode('UND_ERR_HEADERS_TIMEOUT'), url, idle)).toMatchObject({ code: 'timeout' });
  });

  it('maps nxdomain to a permanent dns-not-found and tls failures to a permanent tls-error', () => {
    expect(toFetchFailure(withCode('ENOTFOUND'), url, idle)).toMatchObject({
      code: 'dns-not-found',
      retryable: false,
    });
    expect(toFetchFailure(withCode('CERT_HAS_EXPIRED'), url, idle)).toMatchObject({
      code: 'tls-error',
      retryable: false,
    });
    expect(toFetchFailure(withCode('ERR_TLS_CERT_ALTNAME_INVALID'), url, idle)).toMatchObject({
      code: 'tls-error',
    });
  });

  it('maps other failures, wrapped ones included, to a retryable network error', () => {
    const wrapped = Object.assign(new Error('other side closed', { cause: withCode('ECONNRESET') }), {
      code: 'UND_ERR_SOCKET',
    });
    const failure = toFetchFailure(wrapped, url, idle);
    expect(failure).toMatchObject({ code: 'network', retryable: true, cause: wrapped });
    expect(failure.message).toBe('could not fetch https://docs.example/page: ECONNRESET');
    expect(toFetchFailure(withCode('EAI_AGAIN'), url, idle)).toMatchObject({
      code: 'network',
      retryable: true,
    });
  });
});
