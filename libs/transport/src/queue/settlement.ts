import type { ErrorInfo } from '@swarm/contracts';
import { ModelFailure } from '@swarm/contracts';
import { TRANSPORT_ERROR_CODES } from '../errors.js';

/** How the transport settles a failed task. */
export type Settlement =
  | { readonly action: 'retry'; readonly delayMs: number; readonly error: ErrorInfo }
  | { readonly action: 'dead-letter'; readonly reason: ErrorInfo };

/**
 * Describes any thrown value as a bus error. Errors without a `retryable` flag count as transient. An error
 * carrying a valid `model` (a ModelFailure: what a model said and why it was refused) keeps it. Pure.
 */
export function describeError(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const flagged = error as Error & { code?: unknown; retryable?: unknown; model?: unknown };
    const model = ModelFailure.safeParse(flagged.model);
    return {
      code: typeof flagged.code === 'string' ? flagged.code : TRANSPORT_ERROR_CODES.unexpected,
      message: error.message.slice(0, 4_000),
      retryable: typeof flagged.retryable === 'boolean' ? flagged.retryable : true,
      ...(model.success ? { model: model.data } : {}),
    };
  }
  return { code: TRANSPORT_ERROR_CODES.unexpected, message: String(error).slice(0, 4_000), retryable: true };
}

/** The nak delay before the retry that follows delivery `deliveryCount` (the schedule's last entry repeats). */
export function backoffDelay(backoffMs: readonly number[], deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount - 1, 0), backoffMs.length - 1);
  return backoffMs[index] ?? 0;
}

/**
 * The one place that turns a handler failure into nak-with-backoff or dead-letter-with-reason. Pure.
 * A non-retryable error dead-letters at once; a retryable one retries until delivery `maxDeliver`, after the
 * backoff or the error's `retryAfterMs` (an upstream's `Retry-After`), whichever is longer.
 */
export function decideSettlement(input: {
  readonly error: unknown;
  readonly deliveryCount: number;
  readonly maxDeliver: number;
  readonly backoffMs: readonly number[];
}): Settlement {
  const error = describeError(input.error);
  if (!error.retryable) return { action: 'dead-letter', reason: error };
  if (input.deliveryCount >= input.maxDeliver) {
    return {
      action: 'dead-letter',
      reason: {
        code: TRANSPORT_ERROR_CODES.retriesExhausted,
        message: `gave up after ${input.deliveryCount} deliveries; last error (${error.code}): ${error.message}`,
        retryable: false,
      },
    };
  }
  const delayMs = Math.max(backoffDelay(input.backoffMs, input.deliveryCount), retryAfterOf(input.error));
  return { action: 'retry', delayMs, error };
}

/**
 * The wait an upstream asked for (a `retryAfterMs` on the error, e.g. from an HTTP `Retry-After`), bounded by
 * MAX_RETRY_AFTER_MS; 0 when it asked for none. A retry never comes sooner than this.
 */
function retryAfterOf(error: unknown): number {
  const wait = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  if (typeof wait !== 'number' || !Number.isFinite(wait) || wait <= 0) return 0;
  return Math.min(wait, MAX_RETRY_AFTER_MS);
}

/** The longest `Retry-After` the transport honours (10 minutes); a longer one is cut to it. */
export const MAX_RETRY_AFTER_MS = 600_000;
