import type { GuardedFetcher } from '@swarm/http-guard';
import { HTTP_GUARD_ERROR_CODES, HttpGuardError, redactUrl } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import type { SearchSourceErrorCode } from './errors.js';
import { SEARCH_SOURCE_ERROR_CODES } from './errors.js';

/** Options of {@link fetchText}. */
export interface FetchTextOptions {
  /** Name of the source (already redacted), for error messages. */
  readonly source: string;
  /** Give up after this many milliseconds per exchange (each redirect hop gets its own), body included. */
  readonly timeoutMs: number;
  /** Refuse bodies larger than this many bytes. */
  readonly maxBytes: number;
  /** The `accept` header. */
  readonly accept: string;
  /** The caller's signal (e.g. the task's), combined with the timeout. */
  readonly signal?: AbortSignal | undefined;
}

const RETRYABLE_STATUSES = new Set([408, 425, 429]);

/** The source code each guard failure is reported under; the guard's `retryable` flag is kept. */
const SOURCE_CODE_OF: Readonly<Record<string, SearchSourceErrorCode>> = {
  [HTTP_GUARD_ERROR_CODES.timeout]: SEARCH_SOURCE_ERROR_CODES.timeout,
  [HTTP_GUARD_ERROR_CODES.aborted]: SEARCH_SOURCE_ERROR_CODES.aborted,
  [HTTP_GUARD_ERROR_CODES.network]: SEARCH_SOURCE_ERROR_CODES.unreachable,
  [HTTP_GUARD_ERROR_CODES.dnsNotFound]: SEARCH_SOURCE_ERROR_CODES.unreachable,
  [HTTP_GUARD_ERROR_CODES.tls]: SEARCH_SOURCE_ERROR_CODES.unreachable,
  [HTTP_GUARD_ERROR_CODES.tooLarge]: SEARCH_SOURCE_ERROR_CODES.badResponse,
  [HTTP_GUARD_ERROR_CODES.badContentEncoding]: SEARCH_SOURCE_ERROR_CODES.badResponse,
  [HTTP_GUARD_ERROR_CODES.ssrfRefused]: SEARCH_SOURCE_ERROR_CODES.refused,
  [HTTP_GUARD_ERROR_CODES.invalidUrl]: SEARCH_SOURCE_ERROR_CODES.refused,
  [HTTP_GUARD_ERROR_CODES.tooManyRedirects]: SEARCH_SOURCE_ERROR_CODES.refused,
  [HTTP_GUARD_ERROR_CODES.badRedirect]: SEARCH_SOURCE_ERROR_CODES.refused,
};

function failure(error: unknown, options: FetchTextOptions): TaskError {
  if (!(error instanceof HttpGuardError)) {
    return error instanceof TaskError
      ? error
      : TaskError.retryable(
          SEARCH_SOURCE_ERROR_CODES.unreachable,
          `search source ${options.source} failed: ${error instanceof Error ? error.message : String(error)}`,
          error,
        );
  }
  const code = SOURCE_CODE_OF[error.code] ?? SEARCH_SOURCE_ERROR_CODES.unreachable;
  return new TaskError(code, `search source ${options.source}: ${error.message}`, error.retryable, {
    cause: error,
  });
}

/**
 * GETs a URL through the guarded fetcher (SSRF guard on every hop, redirect limit, timeout, body size limit)
 * and returns the body as UTF-8 text. Messages show the URL redacted (`redactUrl`).
 * @throws TaskError — retryable on timeout, abort, network failure and statuses 408/425/429/5xx (code
 * `source-timeout`, `source-aborted`, `source-unreachable`, `source-unavailable`); permanent on any other
 * non-2xx status (`source-rejected`), on a body over `maxBytes` (`source-bad-response`) and on a refused
 * target: a private address, a redirect to one, too many redirects (`source-refused`).
 */
export async function fetchText(
  fetcher: GuardedFetcher,
  url: string,
  options: FetchTextOptions,
): Promise<string> {
  let response;
  try {
    response = await fetcher.request({
      url,
      headers: { accept: options.accept },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      readBody: ({ status }) => (status >= 200 && status <= 299 ? 'read' : 'skip'),
    });
  } catch (error) {
    throw failure(error, options);
  }
  const { status } = response;
  if (status < 200 || status > 299) {
    const where = `search source ${options.source} answered ${redactUrl(response.url)} with status ${status}`;
    if (status >= 500 || RETRYABLE_STATUSES.has(status)) {
      throw TaskError.retryable(SEARCH_SOURCE_ERROR_CODES.unavailable, where);
    }
    throw TaskError.permanent(SEARCH_SOURCE_ERROR_CODES.rejected, where);
  }
  return new TextDecoder('utf-8').decode(response.body);
}
