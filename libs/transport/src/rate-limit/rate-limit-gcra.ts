import type { RateLimitState } from '@swarm/contracts';

/** One limiter's limits, as every replica on its key should set them. Unset rates are not limited. */
export interface RateLimits {
  /** Requests that may start per minute; undefined: not limited. */
  readonly requestsPerMinute?: number;
  /** Tokens (estimates booked, usage settled) per minute; undefined: not limited. */
  readonly tokensPerMinute?: number;
  /** Requests (and calls' worth of tokens) that may start back to back before the pace applies; at least 1. */
  readonly burst: number;
}

/** What booking one call decided: start at `startAt` (and store `state`), or wait too long. */
export type RateDecision =
  | {
      readonly kind: 'booked';
      readonly state: RateLimitState;
      /** When the call may start (epoch ms); `now` when it may start at once. */
      readonly startAt: number;
    }
  | {
      readonly kind: 'refused';
      /** How long the call would have had to wait, over `maxWaitMs`. */
      readonly waitMs: number;
    };

const MINUTE_MS = 60_000;

/**
 * When one limit lets a call of `cost` cells start, and its next theoretical arrival time (GCRA): a call may
 * start once the limit's TAT is at most `burst - 1` calls of its size ahead. Pure.
 */
function earliestStart(tat: number | undefined, perMinute: number, cost: number, burst: number): number {
  if (tat === undefined) return 0;
  return tat - (burst - 1) * cost * (MINUTE_MS / perMinute);
}

/**
 * Books one call of `tokens` tokens at `now`: the earliest time every limit (requests, tokens, a provider's
 * pause) lets it start, and the state with that start taken. A call that would wait longer than `maxWaitMs` is
 * refused and books nothing. Guarantee: the calls booked against one state start at most
 * `burst + requestsPerMinute * L / 1 min` requests and `burst` calls' tokens plus `tokensPerMinute * L / 1 min`
 * tokens within any time window of length L. Pure.
 */
export function bookCall(
  state: RateLimitState | undefined,
  limits: RateLimits,
  tokens: number,
  now: number,
  maxWaitMs: number,
): RateDecision {
  const current = state ?? {};
  const burst = Math.max(1, limits.burst);
  const { requestsPerMinute: rpm, tokensPerMinute: tpm } = limits;
  const cost = Math.max(0, tokens);
  let startAt = now;
  if (rpm !== undefined) startAt = Math.max(startAt, earliestStart(current.requestsAt, rpm, 1, burst));
  if (tpm !== undefined) startAt = Math.max(startAt, earliestStart(current.tokensAt, tpm, cost, burst));
  if (current.pausedUntil !== undefined) startAt = Math.max(startAt, current.pausedUntil);
  const waitMs = startAt - now;
  if (waitMs > maxWaitMs) return { kind: 'refused', waitMs };
  const next: { -readonly [K in keyof RateLimitState]: RateLimitState[K] } = {};
  if (rpm !== undefined) next.requestsAt = Math.max(current.requestsAt ?? 0, startAt) + MINUTE_MS / rpm;
  else if (current.requestsAt !== undefined) next.requestsAt = current.requestsAt;
  if (tpm !== undefined) next.tokensAt = Math.max(current.tokensAt ?? 0, startAt) + cost * (MINUTE_MS / tpm);
  else if (current.tokensAt !== undefined) next.tokensAt = current.tokensAt;
  if (current.pausedUntil !== undefined && current.pausedUntil > now) next.pausedUntil = current.pausedUntil;
  return { kind: 'booked', state: next, startAt };
}

/**
 * Settles a call's tokens: moves the token TAT by the difference between what it used and what it booked (an
 * unused estimate returns to every replica). Undefined when there is nothing to change. Pure.
 */
export function settleTokens(
  state: RateLimitState | undefined,
  limits: RateLimits,
  booked: number,
  used: number,
): RateLimitState | undefined {
  const tpm = limits.tokensPerMinute;
  if (tpm === undefined || state?.tokensAt === undefined || used === booked) return undefined;
  return { ...state, tokensAt: Math.max(0, state.tokensAt + (used - booked) * (MINUTE_MS / tpm)) };
}

/**
 * Pauses every call on the limiter until `until` (a provider's 429 with `Retry-After`); a later pause already
 * stored wins. Undefined when there is nothing to change. Pure.
 */
export function pauseUntil(state: RateLimitState | undefined, until: number): RateLimitState | undefined {
  if (state?.pausedUntil !== undefined && state.pausedUntil >= until) return undefined;
  return { ...state, pausedUntil: until };
}
