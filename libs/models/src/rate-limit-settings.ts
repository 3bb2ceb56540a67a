import { createHash } from 'node:crypto';
import { RATE_LIMIT_KEY_MAX_CHARS, RATE_LIMIT_KEY_PATTERN } from '@swarm/contracts';
import { z } from 'zod';

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * The swarm-wide rate limit of an agent's model, part of `ModelEnv` (each agent process reads its own). Every
 * replica whose limiter key is the same books from one shared limit in the bus, so their combined rate stays
 * under it. Neither RPM nor TPM set: no limit (and no bus round trip per call).
 */
export const RateLimitEnv = {
  /** Requests per minute on the limiter key, summed over every replica. Unset: requests are not limited. */
  SWARM_MODEL_RATE_LIMIT_RPM: whole(1, 1_000_000).optional(),
  /** Tokens per minute (estimates booked before, usage settled after). Unset: tokens are not limited. */
  SWARM_MODEL_RATE_LIMIT_TPM: whole(1, 1_000_000_000).optional(),
  /** Requests (and calls' worth of tokens) that may start back to back before the pace applies. */
  SWARM_MODEL_RATE_LIMIT_BURST: whole(1, 10_000).default(1),
  /** The longest a call waits for its slot; a call whose slot is further fails retryable (the task retries). */
  SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS: whole(0, 600_000).default(30_000),
  /** How long every replica on the key pauses after a provider's 429 that names no Retry-After. */
  SWARM_MODEL_RATE_LIMIT_PAUSE_MS: whole(0, 600_000).default(1_000),
  /** The limiter key, to share one limit across agents that differ in URL or key (or split one). Default: derived. */
  SWARM_MODEL_RATE_LIMIT_KEY: z
    .string()
    .max(RATE_LIMIT_KEY_MAX_CHARS)
    .regex(RATE_LIMIT_KEY_PATTERN, 'must be dot-separated letters, digits, - and _ (at most four dots)')
    .optional(),
} as const;

/** Parsed rate-limit settings. */
type RateLimitInput = z.infer<z.ZodObject<typeof RateLimitEnv>>;

/** An agent's swarm-wide model rate limit. */
export interface ModelRateLimit {
  /** The limiter key: replicas with the same key share one limit. Never holds the credential. */
  readonly key: string;
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
  readonly burst: number;
  readonly maxWaitMs: number;
  /** The pause after a 429 without `Retry-After`. */
  readonly pauseMs: number;
}

/** Hex characters of the credential hash a derived key keeps (64 bits: unique per credential, not reversible). */
const KEY_HASH_CHARS = 16;

/**
 * The default limiter key: `<provider>.<16 hex of SHA-256 over provider, base URL and API key>`, so replicas on
 * one credential and endpoint share a limit, other credentials do not, and the key reveals neither. Pure.
 */
export function rateLimitKeyOf(provider: string, baseUrl: string, apiKey: string | undefined): string {
  const identity = [provider, baseUrl.replace(/\/+$/, ''), apiKey ?? ''].join('\n');
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, KEY_HASH_CHARS);
  return `${provider}.${hash}`;
}

/** The rate limit the settings ask for, or undefined when neither RPM nor TPM is set. Pure. */
export function rateLimitOf(
  settings: RateLimitInput,
  identity: { readonly provider: string; readonly baseUrl: string; readonly apiKey: string | undefined },
): ModelRateLimit | undefined {
  const rpm = settings.SWARM_MODEL_RATE_LIMIT_RPM;
  const tpm = settings.SWARM_MODEL_RATE_LIMIT_TPM;
  if (rpm === undefined && tpm === undefined) return undefined;
  return {
    key:
      settings.SWARM_MODEL_RATE_LIMIT_KEY ??
      rateLimitKeyOf(identity.provider, identity.baseUrl, identity.apiKey),
    ...(rpm === undefined ? {} : { requestsPerMinute: rpm }),
    ...(tpm === undefined ? {} : { tokensPerMinute: tpm }),
    burst: settings.SWARM_MODEL_RATE_LIMIT_BURST,
    maxWaitMs: settings.SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS,
    pauseMs: settings.SWARM_MODEL_RATE_LIMIT_PAUSE_MS,
  };
}
