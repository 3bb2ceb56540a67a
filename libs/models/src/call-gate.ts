import type { BudgetAmounts } from '@swarm/contracts';
import type { ModelTarget } from './model-settings.js';
import { costOf } from './pricing.js';

/** A reservation made for one model call. */
export interface CallTicket {
  /** Closes the reservation with what the call really used. Never throws. */
  settle(actual: BudgetAmounts): Promise<void>;
  /** How long the call waited for its rate-limit slot before it started, in ms (shown on its span). */
  readonly waitedMs?: number;
  /**
   * The provider answered 429: tells the shared rate limit, so every replica on the key backs off together.
   * `retryAfterMs` is the provider's `Retry-After`, when it gave one. Never throws.
   */
  providerRateLimited?(retryAfterMs: number | undefined): Promise<void>;
}

/** What a gate knows of the call it admits besides its estimate. */
export interface GateCall {
  /** The call's abort signal (the task's, and the call's timeout): a gate that waits stops waiting on it. */
  readonly signal?: AbortSignal;
}

/**
 * Where each provider request reserves its estimate before it starts and settles its usage after (an agent
 * wires the transport's `reserveModelCall`, which keeps the goal's budget in the bus, and `acquireModelRate`, the
 * swarm-wide rate limit). The gate throws to stop the call: an error whose `code` is one of `GATE_REFUSAL_CODES`
 * passes through the model client unchanged, and a `budget-exhausted` one with `policy: 'degrade'` makes
 * `withFallback` answer with the builtin brain.
 */
export type CallGate = (estimate: BudgetAmounts, call?: GateCall) => Promise<CallTicket>;

/** Roughly how many characters one token holds, for estimating a prompt's input tokens before the call. */
const CHARS_PER_TOKEN = 4;

/**
 * What a call may spend at most, before it starts: one call, the prompt's tokens (its JSON length over 4,
 * rounded up) plus `maxOutputTokens`, and their cost at the target's price. Pure.
 */
export function estimateCall(
  prompt: unknown,
  target: Pick<ModelTarget, 'maxOutputTokens' | 'price'>,
): BudgetAmounts {
  const input = Math.ceil(JSON.stringify(prompt ?? '').length / CHARS_PER_TOKEN);
  const output = target.maxOutputTokens;
  return { modelCalls: 1, tokens: input + output, costUsd: costOf({ input, output }, target.price) };
}

/** The code a gate's refusal carries. */
const BUDGET_EXHAUSTED = 'budget-exhausted';

/**
 * The codes of a gate's refusals, which the model client passes on unchanged: the goal's budget cannot cover
 * the call (`budget-exhausted`), or its rate-limit slot is further than the max wait (`model-rate-limit-wait`,
 * retryable).
 */
export const GATE_REFUSAL_CODES: readonly string[] = [BUDGET_EXHAUSTED, 'model-rate-limit-wait'];

/** Whether `error` is a gate's refusal (a code of `GATE_REFUSAL_CODES`), which the model client never reclassifies. */
export function isGateRefusal(error: unknown): error is { code: string; message: string } {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && GATE_REFUSAL_CODES.includes(code);
}

/** Whether `error` is a gate's refusal (code `budget-exhausted`), which the model client never reclassifies. */
export function isBudgetRefusal(
  error: unknown,
): error is { code: string; policy?: unknown; message: string } {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === BUDGET_EXHAUSTED
  );
}
