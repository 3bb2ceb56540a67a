/**
 * Stable codes of the errors the scraper raises, as `TaskError` codes on the bus. Whether a code is retried is
 * fixed per code (see each entry); the transport turns `retryable` into nak-with-backoff and the rest into
 * dead-letter-with-reason.
 */
export const SCRAPE_ERROR_CODES = {
  /** Permanent: not an absolute http(s) URL, or it carries credentials. */
  invalidUrl: 'invalid-url',
  /** Permanent: the URL (or a redirect) resolves to a loopback, private or otherwise non-public address. */
  ssrfRefused: 'ssrf-refused',
  /** Permanent: the host name does not resolve (NXDOMAIN). */
  dnsNotFound: 'dns-not-found',
  /** Permanent: the TLS handshake failed (bad or expired certificate, name mismatch). */
  tls: 'tls-error',
  /** Retryable: the connection failed or broke (refused, reset, unreachable, resolver unavailable). */
  network: 'network',
  /** Retryable: no complete response within the time limit. */
  timeout: 'timeout',
  /** Retryable: the caller aborted the fetch (shutdown, drain). */
  aborted: 'aborted',
  /** Permanent: more redirects than the policy allows. */
  tooManyRedirects: 'too-many-redirects',
  /** Permanent: a redirect without a usable Location. */
  badRedirect: 'bad-redirect',
  /** Permanent: the body is larger than the policy allows. */
  tooLarge: 'too-large',
  /** Permanent: the response is not one of the allowed content types. */
  badContentType: 'bad-content-type',
  /** Permanent: the response uses a content encoding the scraper did not ask for. */
  badContentEncoding: 'bad-content-encoding',
  /** Permanent: robots.txt disallows the URL for the scraper's user agent. */
  robotsDisallowed: 'robots-disallowed',
  /** Retryable: robots.txt answered 429/5xx or could not be fetched; RFC 9309 treats the site as disallowed. */
  robotsUnreachable: 'robots-unreachable',
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
