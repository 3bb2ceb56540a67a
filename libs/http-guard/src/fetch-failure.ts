import { types } from 'node:util';
import { TaskError } from '@swarm/transport/errors';
import { HTTP_GUARD_ERROR_CODES, HttpGuardError } from './errors.js';
import { redactUrl } from './redact.js';

/** Where an exchange failed, to tell a timeout from a caller's abort. */
export interface FailureContext {
  /** The exchange's own timeout signal (absent when it failed before the exchange started). */
  readonly timeout?: AbortSignal;
  readonly timeoutMs: number;
  /** The caller's signal, if any. */
  readonly caller?: AbortSignal;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * Turns whatever an exchange threw into an HttpGuardError (messages show the URL redacted): TaskErrors pass through; the caller's abort is
 * `aborted` and the exchange's timeout (or undici's) `timeout`, both retryable; NXDOMAIN is `dns-not-found`
 * and certificate/TLS failures `tls-error`, both permanent; any other failure is `network`, retryable.
 */
export function toFetchFailure(error: unknown, url: URL, context: FailureContext): TaskError {
  if (error instanceof TaskError) return error;
  const where = redactUrl(url);
  if (context.caller?.aborted) {
    return HttpGuardError.retryable(
      HTTP_GUARD_ERROR_CODES.aborted,
      `fetch of ${where} was aborted`,
      context.caller.reason,
    );
  }
  const code = errorCode(error);
  if (context.timeout?.aborted || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return HttpGuardError.retryable(
      HTTP_GUARD_ERROR_CODES.timeout,
      `no complete response from ${where} within ${context.timeoutMs} ms`,
      error,
    );
  }
  if (code === 'ENOTFOUND') {
    return HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.dnsNotFound,
      `host ${url.hostname} does not resolve`,
      error,
    );
  }
  if (
    code !== undefined &&
    (code.includes('CERT') || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))
  ) {
    return HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.tls,
      `tls handshake with ${url.host} failed (${code})`,
      error,
    );
  }
  const detail = code ?? (isError(error) ? error.message : String(error));
  return HttpGuardError.retryable(
    HTTP_GUARD_ERROR_CODES.network,
    `could not fetch ${where}: ${detail}`,
    error,
  );
}

/** The `code` of an error or of its cause (undici wraps socket errors). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; isError(current) && depth < 4; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * Whether a value is an Error, from any realm: errors Node creates internally (DNS, sockets) fail `instanceof
 * Error` where the global Error differs, as under Jest.
 */
export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}
