import { TaskError } from '@swarm/transport/errors';
import { SEARCH_SOURCE_ERROR_CODES } from './errors.js';

/** Options of {@link fetchText}. */
export interface FetchTextOptions {
  /** Name of the source, for error messages. */
  readonly source: string;
  /** Give up after this many milliseconds, body included. */
  readonly timeoutMs: number;
  /** Refuse bodies larger than this many bytes. */
  readonly maxBytes: number;
  /** The `accept` header. */
  readonly accept: string;
  /** The caller's signal (e.g. the task's), combined with the timeout. */
  readonly signal?: AbortSignal | undefined;
}

const RETRYABLE_STATUSES = new Set([408, 425, 429]);

function failure(error: unknown, url: string, options: FetchTextOptions, timeout: AbortSignal): TaskError {
  if (error instanceof TaskError) return error;
  if (options.signal?.aborted === true) {
    return TaskError.retryable(
      SEARCH_SOURCE_ERROR_CODES.aborted,
      `search source ${options.source} was aborted fetching ${url}`,
      error,
    );
  }
  if (timeout.aborted) {
    return TaskError.retryable(
      SEARCH_SOURCE_ERROR_CODES.timeout,
      `search source ${options.source} did not answer ${url} within ${options.timeoutMs} ms`,
      error,
    );
  }
  const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return TaskError.retryable(
    SEARCH_SOURCE_ERROR_CODES.unreachable,
    `search source ${options.source} could not reach ${url}: ${reason}`,
    error,
  );
}

function tooLarge(url: string, options: FetchTextOptions): TaskError {
  return TaskError.permanent(
    SEARCH_SOURCE_ERROR_CODES.badResponse,
    `search source ${options.source} answered ${url} with more than ${options.maxBytes} bytes`,
  );
}

async function readBody(response: Response, url: string, options: FetchTextOptions): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, options);
  }
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > options.maxBytes) throw tooLarge(url, options);
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/**
 * GETs a URL with a timeout and a body size limit and returns the body as UTF-8 text.
 * @throws TaskError — retryable on timeout, abort, network failure and statuses 408/425/429/5xx (code
 * `source-timeout`, `source-aborted`, `source-unreachable`, `source-unavailable`); permanent on any other
 * non-2xx status (`source-rejected`) and on a body over `maxBytes` (`source-bad-response`).
 */
export async function fetchText(url: string, options: FetchTextOptions): Promise<string> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { accept: options.accept, 'user-agent': 'swarm-search-agent/0.1' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      const where = `search source ${options.source} answered ${url} with status ${response.status}`;
      if (response.status >= 500 || RETRYABLE_STATUSES.has(response.status)) {
        throw TaskError.retryable(SEARCH_SOURCE_ERROR_CODES.unavailable, where);
      }
      throw TaskError.permanent(SEARCH_SOURCE_ERROR_CODES.rejected, where);
    }
    return await readBody(response, url, options);
  } catch (error) {
    throw failure(error, url, options, timeout);
  }
}
