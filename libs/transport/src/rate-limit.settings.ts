import { z } from 'zod';

/**
 * The rate-limits bucket (the swarm-wide model rate limiters; the limits themselves are each agent's model
 * settings, `SWARM_MODEL_RATE_LIMIT_*`). Part of `TransportSettings`; docs/governance.md has the table.
 */
export const RateLimitSettings = {
  /**
   * Max age of the rate-limits bucket, set when it is created: the state of a limiter key nobody wrote for this
   * long is dropped (the next call starts from a full limit). Keep it above the longest
   * SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS and provider pause; a provider's pause is cut to it.
   */
  rateLimitStateTtlMs: z.coerce.number().int().min(60_000).default(600_000),
} as const;

/** The environment variable behind each rate-limits bucket setting. */
export const RATE_LIMIT_ENV = {
  rateLimitStateTtlMs: 'SWARM_RATE_LIMIT_STATE_TTL_MS',
} as const satisfies Record<keyof typeof RateLimitSettings, string>;
