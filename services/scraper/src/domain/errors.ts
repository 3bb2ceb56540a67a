import { HTTP_GUARD_ERROR_CODES } from '@swarm/http-guard';
/**
 * Stable codes of the errors the scraper raises, as `TaskError` codes on the bus. Whether a code is retried is
 * fixed per code (see each entry); the transport turns `retryable` into nak-with-backoff and the rest into
 * dead-letter-with-reason.
 */
export const SCRAPE_ERROR_CODES = {
  /**
   * The guarded fetcher's codes (`@swarm/http-guard`): invalid-url, ssrf-refused, dns-not-found, tls-error,
   * network, timeout, aborted, too-many-redirects, bad-redirect, too-large, bad-content-encoding.
   */
  ...HTTP_GUARD_ERROR_CODES,
  /** Permanent: the response is not one of the allowed content types. */
  badContentType: 'bad-content-type',
  /** Permanent: robots.txt disallows the URL for the scraper's user agent. */
  robotsDisallowed: 'robots-disallowed',
  /** Retryable: robots.txt answered 429/5xx or could not be fetched; RFC 9309 treats the site as disallowed. */
  robotsUnreachable: 'robots-unreachable',
  /**
   * Permanent: the page is over an extraction bound (`SCRAPER_MAX_ELEMENTS`, `SCRAPER_MAX_DEPTH`,
   * `SCRAPER_EXTRACT_TIMEOUT_MS`, `SCRAPER_EXTRACT_HEAP_MB`); retrying would cost the same again.
   */
  pageTooComplex: 'page-too-complex',
  /** `http-<status>`: retryable for 408, 429 and 5xx, permanent for other statuses. */
  http: (status: number) => `http-${status}` as const,
} as const;

/** A stable scraper error code. */
export type ScrapeErrorCode =
  | Exclude<(typeof SCRAPE_ERROR_CODES)[keyof typeof SCRAPE_ERROR_CODES], (status: number) => string>
  | `http-${number}`;

/** Whether a failed HTTP status is worth retrying: 408 (request timeout), 429 (rate limit) and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * A page over an extraction bound (elements, nesting depth, CPU time or memory): permanent, reported as
 * `page-too-complex`. Pure code throws it; the extraction pool turns it into a permanent TaskError.
 */
export class PageTooComplexError extends Error {
  readonly code = SCRAPE_ERROR_CODES.pageTooComplex;
  readonly retryable = false;

  constructor(detail: string, options?: { cause?: unknown }) {
    super(`page too complex: ${detail}`, options);
    this.name = 'PageTooComplexError';
  }
}
