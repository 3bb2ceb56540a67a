import { TaskError } from '@swarm/transport/errors';

/**
 * Stable codes of the failures a guarded fetch raises. Whether a code is retried is fixed per code (see each
 * entry). The scraper reports them as they are; other callers map them to their own codes.
 */
export const HTTP_GUARD_ERROR_CODES = {
  /** Permanent: not an absolute http(s) URL, or it carries credentials. */
  invalidUrl: 'invalid-url',
  /** Permanent: the URL (or a redirect hop) resolves to a loopback, private or otherwise non-public address. */
  ssrfRefused: 'ssrf-refused',
  /** Permanent: the host name does not resolve (NXDOMAIN). */
  dnsNotFound: 'dns-not-found',
  /** Permanent: the TLS handshake failed (bad or expired certificate, name mismatch). */
  tls: 'tls-error',
  /** Retryable: the connection failed or broke (refused, reset, unreachable, resolver unavailable). */
  network: 'network',
  /** Retryable: no complete response within the time limit. */
  timeout: 'timeout',
  /** Retryable: the caller aborted the request (shutdown, drain), or the fetcher is closed. */
  aborted: 'aborted',
  /** Permanent: more redirects than the policy allows. */
  tooManyRedirects: 'too-many-redirects',
  /** Permanent: a redirect without a usable Location. */
  badRedirect: 'bad-redirect',
  /** Permanent: the body is larger than the limit. */
  tooLarge: 'too-large',
  /** Permanent: the response uses a content encoding that was not asked for. */
  badContentEncoding: 'bad-content-encoding',
} as const;

/** A stable code of a guarded fetch failure. */
export type HttpGuardErrorCode = (typeof HTTP_GUARD_ERROR_CODES)[keyof typeof HTTP_GUARD_ERROR_CODES];

/**
 * A guarded fetch failed. A `TaskError`, so a task handler may let it through as is (retryable: nak with
 * backoff; permanent: dead-letter with this code). The message never carries a secret of the URL.
 */
export class HttpGuardError extends TaskError {
  override readonly name = 'HttpGuardError';
  declare readonly code: HttpGuardErrorCode;

  constructor(code: HttpGuardErrorCode, message: string, retryable: boolean, cause?: unknown) {
    super(code, message, retryable, { cause });
  }

  /** A failure that retrying may cure (timeout, network, abort). */
  static override retryable(code: HttpGuardErrorCode, message: string, cause?: unknown): HttpGuardError {
    return new HttpGuardError(code, message, true, cause);
  }

  /** A failure that retrying cannot cure (refused address, bad URL, too large). */
  static override permanent(code: HttpGuardErrorCode, message: string, cause?: unknown): HttpGuardError {
    return new HttpGuardError(code, message, false, cause);
  }
}
