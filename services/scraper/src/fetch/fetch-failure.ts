import { types } from 'node:util';
import { TaskError } from '@swarm/transport/errors';
import { isRetryableStatus, SCRAPE_ERROR_CODES } from '../domain/errors.js';

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

/** The TaskError for a non-2xx final status: `http-<status>`, retryable for 408, 429 and 5xx. Pure. */
export function statusFailure(status: number, url: URL): TaskError {
  const code = SCRAPE_ERROR_CODES.http(status);
  const message = `${url.href} answered http ${status}`;
  return isRetryableStatus(status) ? TaskError.retryable(code, message) : TaskError.permanent(code, message);
}

/**
 * Turns whatever an exchange threw into a TaskError: TaskErrors pass through; the caller's abort is
 * `aborted` and the exchange's timeout (or undici's) `timeout`, both retryable; NXDOMAIN is `dns-not-found`
 * and certificate/TLS failures `tls-error`, both permanent; any other failure is `network`, retryable.
 */
export function toFetchFailure(error: unknown, url: URL, context: FailureContext): TaskError {
  if (error instanceof TaskError) return error;
  if (context.caller?.aborted) {
    return TaskError.retryable(
      SCRAPE_ERROR_CODES.aborted,
      `fetch of ${url.href} was aborted`,
      context.caller.reason,
    );
  }
  const code = errorCode(error);
  if (context.timeout?.aborted || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return TaskError.retryable(
      SCRAPE_ERROR_CODES.timeout,
      `no complete response from ${url.href} within ${context.timeoutMs} ms`,
      error,
    );
  }
  if (code === 'ENOTFOUND') {
    return TaskError.permanent(
      SCRAPE_ERROR_CODES.dnsNotFound,
      `host ${url.hostname} does not resolve`,
      error,
    );
  }
  if (
    code !== undefined &&
    (code.includes('CERT') || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))
  ) {
    return TaskError.permanent(
      SCRAPE_ERROR_CODES.tls,
      `tls handshake with ${url.host} failed (${code})`,
      error,
    );
  }
  const detail = code ?? (isError(error) ? error.message : String(error));
  return TaskError.retryable(SCRAPE_ERROR_CODES.network, `could not fetch ${url.href}: ${detail}`, error);
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
