import type { ErrorInfo } from './envelope.js';
import type { EffectAttempt, EffectRecord } from './effect-record.js';
import { EFFECT_RESULT_MAX_CHARS } from './effect-record.js';

/** What an attempt asks of the ledger before it acts. */
export interface EffectRequest {
  readonly effectId: string;
  readonly tool: string;
  readonly target: string;
  readonly idempotencyKey: string;
  readonly repeatable: boolean;
  readonly attempt: EffectAttempt;
  readonly now: Date;
}

/**
 * What the ledger tells an attempt to do:
 * - `act`: act with `idempotencyKey` (the recorded one when there is a record); write `next` first (the
 *   compare-and-set that claims the start), or nothing when `next` is undefined (this attempt started it already).
 * - `reuse`: the effect is done; return its recorded result.
 * - `hold`: the effect may have happened and is not safe to repeat: do not act; write `next` (the `uncertain`
 *   mark) when defined.
 */
export type EffectPlan =
  | { readonly kind: 'act'; readonly idempotencyKey: string; readonly next: EffectRecord | undefined }
  | { readonly kind: 'reuse'; readonly record: EffectRecord }
  | { readonly kind: 'hold'; readonly record: EffectRecord; readonly next: EffectRecord | undefined };

/** Whether two attempts are the same replica at the same delivery of the task. Pure. */
export function sameAttempt(a: EffectAttempt, b: EffectAttempt): boolean {
  return (
    a.deliveryCount === b.deliveryCount &&
    a.agent.instance === b.agent.instance &&
    a.agent.kind === b.agent.kind
  );
}

function started(request: EffectRequest, current: EffectRecord | undefined): EffectRecord {
  const at = request.now.toISOString();
  return {
    state: 'started',
    effectId: request.effectId,
    tool: request.tool,
    target: request.target,
    idempotencyKey: current?.idempotencyKey ?? request.idempotencyKey,
    repeatable: request.repeatable,
    attempt: request.attempt,
    starts: (current?.starts ?? 0) + 1,
    startedAt: at,
    at,
  };
}

/**
 * Decides what an attempt does with an effect, from the ledger's record (undefined when none). Nothing recorded
 * or a `failed` record: act, claiming the start. `done`: reuse. `started` by this attempt: act (no write).
 * `started` by another attempt, or `uncertain`: the effect may have happened, so act again with the same key when
 * the tool is repeatable, else hold (marking `started` as `uncertain`). Pure.
 */
export function planEffect(current: EffectRecord | undefined, request: EffectRequest): EffectPlan {
  if (current === undefined || current.state === 'failed')
    return {
      kind: 'act',
      idempotencyKey: current?.idempotencyKey ?? request.idempotencyKey,
      next: started(request, current),
    };
  if (current.state === 'done') return { kind: 'reuse', record: current };
  if (current.state === 'started' && sameAttempt(current.attempt, request.attempt))
    return { kind: 'act', idempotencyKey: current.idempotencyKey, next: undefined };
  if (request.repeatable)
    return { kind: 'act', idempotencyKey: current.idempotencyKey, next: started(request, current) };
  if (current.state === 'uncertain') return { kind: 'hold', record: current, next: undefined };
  const next: EffectRecord = {
    ...current,
    state: 'uncertain',
    heldBy: request.attempt,
    at: request.now.toISOString(),
  };
  return { kind: 'hold', record: next, next };
}

/**
 * The record once `attempt` acted and the tool returned `result`: `done`, whatever state a racing attempt left
 * (the effect happened). A result whose JSON is longer than EFFECT_RESULT_MAX_CHARS is not kept
 * (`resultOmitted`): the effect is recorded done all the same. Undefined (no change) when it is done already. Pure.
 */
export function completeEffect(
  current: EffectRecord | undefined,
  request: Omit<EffectRequest, 'now'>,
  result: unknown,
  now: Date,
): EffectRecord | undefined {
  if (current?.state === 'done') return undefined;
  const json = JSON.stringify(result ?? null);
  const base = current ?? started({ ...request, now }, undefined);
  const { error: _error, heldBy: _heldBy, ...rest } = base;
  return {
    ...rest,
    state: 'done',
    attempt: request.attempt,
    at: now.toISOString(),
    ...(json.length <= EFFECT_RESULT_MAX_CHARS
      ? { result: JSON.parse(json) as unknown }
      : { resultOmitted: true }),
  };
}

/**
 * The record once `attempt`'s tool threw: `failed` with the error, only while the record is still this attempt's
 * `started` (a racing attempt's start or a `done` stays). Undefined when nothing changes. Pure.
 */
export function failEffect(
  current: EffectRecord | undefined,
  attempt: EffectAttempt,
  error: ErrorInfo,
  now: Date,
): EffectRecord | undefined {
  if (current?.state !== 'started' || !sameAttempt(current.attempt, attempt)) return undefined;
  return { ...current, state: 'failed', error, at: now.toISOString() };
}
