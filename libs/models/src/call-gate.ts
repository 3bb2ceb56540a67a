import type { BudgetAmounts } from '@swarm/contracts';
import type { ModelTarget } from './model-settings.js';
import { costOf } from './pricing.js';

/** A reservation made for one model call. */
export interface CallTicket {
  /** Closes the reservation with what the call really used. Never throws. */
  settle(actual: BudgetAmounts): Promise<void>;
}

/**
 * Where each provider request reserves its estimate before it starts and settles its usage after (an agent
 * wires the transport's `reserveModelCall`, which keeps the goal's budget in the bus). `reserve` throws to stop
 * the call: an error whose `code` is `budget-exhausted` passes through the model client unchanged, and with
 * `policy: 'degrade'` `withFallback` answers with the builtin brain.
 */
export type CallGate = (estimate: BudgetAmounts) => Promise<CallTicket>;

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

/** Whether `error` is a gate's refusal (code `budget-exhausted`), which the model client never reclassifies. */
export function isBudgetRefusal(
  error: unknown,
): error is { code: string; policy?: unknown; message: string } {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === BUDGET_EXHAUSTED
  );
}
