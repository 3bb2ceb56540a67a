import { z } from 'zod';

/**
 * The shared state of one model rate limiter, the value of its key in the rate-limits bucket
 * (`BUCKETS.rateLimits`). Every replica of every agent that calls a provider on one credential books its requests
 * against this one value by compare-and-set (a GCRA: each limit keeps a theoretical arrival time), so their
 * combined rate stays under the configured one. Times are epoch milliseconds on the writers' clocks.
 */
export const RateLimitState = z.strictObject({
  /** When the request limit (requests per minute) has room for the next request again (its TAT). */
  requestsAt: z.number().nonnegative().optional(),
  /** When the token limit (tokens per minute) has room again (its TAT; estimates booked, usage settled). */
  tokensAt: z.number().nonnegative().optional(),
  /** No request starts before this: a provider answered 429 with `Retry-After`. */
  pausedUntil: z.number().nonnegative().optional(),
});
/** The shared state of one model rate limiter. */
export type RateLimitState = z.infer<typeof RateLimitState>;

/** A rate limiter key: dot-separated tokens of letters, digits, `-` and `_` (e.g. `openai.3f9a2c1b7d4e5f60`). */
export const RATE_LIMIT_KEY_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){0,3}$/;
/** The longest rate limiter key. */
export const RATE_LIMIT_KEY_MAX_CHARS = 96;
