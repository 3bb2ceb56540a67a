import { TaskError } from '@swarm/transport/errors';
import { LRUCache } from 'lru-cache';
import robotsParserModule from 'robots-parser';
import { SCRAPE_ERROR_CODES } from '../domain/errors.js';
import { isError } from './fetch-failure.js';

// robots-parser is CommonJS (`module.exports = fn`) typed as `export default fn`: under NodeNext the default
// import is the function at runtime while TypeScript sees the module object, so take whichever is callable.
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ??
  robotsParserModule) as typeof robotsParserModule.default;

/** A robots.txt response: its final status after redirects, and its (size-capped) body. */
export interface RobotsResponse {
  readonly status: number;
  readonly body: string;
}

/**
 * Fetches `/robots.txt` of an origin, following redirects. Rejects with a TaskError: retryable ones (network,
 * timeout) make the origin unreachable; `too-many-redirects` counts as unavailable; other permanent ones
 * (`ssrf-refused`, `dns-not-found`...) fail the page too.
 */
export type RobotsSource = (robotsUrl: URL, signal?: AbortSignal) => Promise<RobotsResponse>;

/** How the RobotsCache fetches and keeps robots.txt files. */
export interface RobotsCacheOptions {
  readonly source: RobotsSource;
  /** The full User-Agent; robots.txt groups are matched on its product token (before the first `/`). */
  readonly userAgent: string;
  /** How long a fetched robots.txt is trusted. */
  readonly ttlMs: number;
  /** Origins cached at once; the least recently used is dropped first. Default 1000. */
  readonly maxEntries?: number;
  /**
   * Estimated bytes the cached files may hold at once (see `robotsEntryBytes`); the least recently used are
   * dropped first, and a file larger than this is used once and not kept. Default 32 MiB.
   */
  readonly maxBytes?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

type Verdict = (url: URL) => boolean;

interface Entry {
  readonly verdict: Verdict;
  readonly expiresAt: number;
  /** Estimated bytes held (`robotsEntryBytes`). */
  readonly bytes: number;
}

/** Bytes a parsed robots.txt holds beyond its text's size: robots-parser keeps about 2.4 times the text. */
const PARSED_BYTES_PER_CHAR = 3;
/** Bytes of an entry besides its rules (key, closures, bookkeeping). */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * Estimated heap bytes of one cached robots.txt: three bytes per character of the parsed file (measured: the
 * parser keeps about 2.4), plus the origin and a fixed overhead. Pure.
 */
export function robotsEntryBytes(origin: string, robotsText: string): number {
  return ENTRY_OVERHEAD_BYTES + 2 * origin.length + PARSED_BYTES_PER_CHAR * robotsText.length;
}

const ALLOW_ALL: Verdict = () => true;

/**
 * robots.txt per origin, following RFC 9309: a 2xx body is parsed; a 4xx (but 429), a missing file or too many
 * redirects mean no restrictions; a 429, 5xx or network failure means the origin is unreachable, which the RFC
 * treats as complete disallow. Unreachable is reported as a retryable `robots-unreachable` TaskError, not as
 * "disallowed", so the task is retried later instead of dropped; an earlier copy past its TTL is used meanwhile
 * (the RFC allows a cached copy while unreachable). Failures are not cached. Concurrent lookups of one origin
 * share one fetch, which is bounded by the source's own timeout; a caller's signal only stops its own wait.
 */
export class RobotsCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly inFlight = new Map<string, Promise<Verdict>>();
  private readonly now: () => number;

  constructor(private readonly options: RobotsCacheOptions) {
    this.now = options.now ?? Date.now;
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries ?? 1_000,
      maxSize: options.maxBytes ?? 32 * 1_024 * 1_024,
      sizeCalculation: (entry) => entry.bytes,
    });
  }

  /** Origins cached and their estimated bytes, for tests and metrics. */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /**
   * Whether the scraper's user agent may fetch `url`. Throws TaskError `robots-unreachable` (retryable) when
   * robots.txt cannot be had, or the source's permanent TaskError (`ssrf-refused`, `dns-not-found`...).
   */
  async isAllowed(url: string | URL, signal?: AbortSignal): Promise<boolean> {
    const target = new URL(url);
    const verdict = await this.verdictFor(target.origin, signal);
    return verdict(target);
  }

  /** Forgets every cached robots.txt. */
  clear(): void {
    this.entries.clear();
  }

  private async verdictFor(origin: string, signal: AbortSignal | undefined): Promise<Verdict> {
    // A get marks the entry most recently used.
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached.verdict;
    let pending = this.inFlight.get(origin);
    if (!pending) {
      // The shared fetch is bounded by the source's own timeout, not by one caller's signal.
      pending = this.load(origin, cached).finally(() => this.inFlight.delete(origin));
      this.inFlight.set(origin, pending);
    }
    return signal ? raceAbort(pending, signal) : pending;
  }

  private async load(origin: string, stale: Entry | undefined): Promise<Verdict> {
    const robotsUrl = new URL('/robots.txt', origin);
    let verdict: Verdict;
    let text = '';
    try {
      const response = await this.options.source(robotsUrl);
      verdict = this.interpret(robotsUrl, response);
      if (verdict !== ALLOW_ALL) text = response.body;
    } catch (error) {
      const failure = unreachable(robotsUrl, error);
      if (failure.code === SCRAPE_ERROR_CODES.tooManyRedirects) {
        verdict = ALLOW_ALL;
      } else if (stale && failure.retryable) {
        return stale.verdict;
      } else {
        throw failure;
      }
    }
    this.entries.set(origin, {
      verdict,
      expiresAt: this.now() + this.options.ttlMs,
      bytes: robotsEntryBytes(origin, text),
    });
    return verdict;
  }

  private interpret(robotsUrl: URL, response: RobotsResponse): Verdict {
    const { status, body } = response;
    if (status >= 200 && status < 300) {
      const robots = robotsParser(robotsUrl.href, body);
      return (url) => robots.isAllowed(url.href, this.options.userAgent) !== false;
    }
    if (status === 429 || status >= 500) {
      throw TaskError.retryable(
        SCRAPE_ERROR_CODES.robotsUnreachable,
        `${robotsUrl.href} answered ${status}; until it answers, RFC 9309 treats the site as disallowed`,
      );
    }
    return ALLOW_ALL;
  }
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A permanent TaskError as it is; anything else as a retryable `robots-unreachable`. */
function unreachable(robotsUrl: URL, error: unknown): TaskError {
  if (
    error instanceof TaskError &&
    (!error.retryable || error.code === SCRAPE_ERROR_CODES.robotsUnreachable)
  ) {
    return error;
  }
  const reason = isError(error) ? error.message : String(error);
  return TaskError.retryable(
    SCRAPE_ERROR_CODES.robotsUnreachable,
    `could not fetch ${robotsUrl.href} (${reason}); until it answers, RFC 9309 treats the site as disallowed`,
    error,
  );
}
