/** Stable codes of the errors the search sources raise (as `TaskError` codes, or on the error below). */
export const SEARCH_SOURCE_ERROR_CODES = {
  /** The source did not answer within its timeout (retryable). */
  timeout: 'source-timeout',
  /** The source could not be reached: DNS, refused or reset connection (retryable). */
  unreachable: 'source-unreachable',
  /** The source answered 5xx, 408, 425 or 429 (retryable). */
  unavailable: 'source-unavailable',
  /** The source refused the request with another 4xx, or answered with a status that is not a success. */
  rejected: 'source-rejected',
  /** The source answered with a body that is not what it should be: bad JSON, wrong shape, malformed feed. */
  badResponse: 'source-bad-response',
  /**
   * The source's URL, or a redirect it answered with, was refused by the guard: a loopback, private or
   * link-local address (unless `SEARCH_SOURCE_ALLOW_PRIVATE_NETWORKS` or `SEARCH_SOURCE_ALLOW_HOSTS` allows it),
   * a non-http(s) or credential-carrying URL, or more than `SEARCH_SOURCE_MAX_REDIRECTS` redirects. Permanent.
   */
  refused: 'source-refused',
  /** The caller aborted the search (retryable: the task was interrupted, not wrong). */
  aborted: 'source-aborted',
  /** The source configuration string is invalid. */
  invalidConfig: 'invalid-source-config',
} as const;
/** A stable error code of the search sources. */
export type SearchSourceErrorCode =
  (typeof SEARCH_SOURCE_ERROR_CODES)[keyof typeof SEARCH_SOURCE_ERROR_CODES];

/** The search source configuration failed validation at boot; the message names the bad entry. */
export class InvalidSourceConfigError extends Error {
  override readonly name = 'InvalidSourceConfigError';
  readonly code = SEARCH_SOURCE_ERROR_CODES.invalidConfig;
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
