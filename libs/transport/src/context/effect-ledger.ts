import { setTimeout as sleep } from 'node:timers/promises';
import type { EffectAttempt, EffectPlan, EffectRecord, UncertainEffect } from '@swarm/contracts';
import {
  completeEffect,
  CONTEXT_KEYS,
  EffectRecord as EffectRecordSchema,
  failEffect,
  planEffect,
} from '@swarm/contracts';
import { describeError } from '../queue/settlement.js';
import type { GoalContext } from './goal-context.js';

/**
 * A tool call with an effect outside the bus, as the tool defines it. The effect id is deterministic from the
 * task's queue, `tool` and `target`, so every attempt at the task (and every racing replica) meets one record.
 */
export interface SideEffect {
  /** What acts, e.g. `deliver`. */
  readonly tool: string;
  /** What it acts on, e.g. the sink name. */
  readonly target: string;
  /** Sent with the effect, the same on every attempt (the recorded one wins), so a receiver can drop repeats. */
  readonly idempotencyKey: string;
  /**
   * Whether acting again under the same key is safe when an earlier attempt may have acted (it died after
   * starting): the receiver applies a key once, or acting twice does no harm. When false such an effect is
   * marked `uncertain` and not repeated.
   */
  readonly repeatable: boolean;
}

/** What `perform` did: acted now, reused a recorded result, or held back an effect that may have happened. */
export type EffectOutcome<R> =
  | { readonly status: 'acted'; readonly result: R; readonly idempotencyKey: string }
  | { readonly status: 'reused'; readonly result: R | undefined; readonly record: EffectRecord }
  | { readonly status: 'uncertain'; readonly uncertain: UncertainEffect; readonly record: EffectRecord };

/** The side-effect ledger a handler gets as `ctx.effects`. */
export interface SideEffects {
  /**
   * Runs `act` at most as the goal's ledger allows: records `started` by compare-and-set before acting (racing
   * replicas: one wins), `done` with the result after (retried until stored while the task holds its claim), and
   * `failed` when `act` throws (then rethrows). A redelivery reuses a `done` result; finding `started` by another
   * attempt it acts again with the same key when the effect is repeatable, else marks it `uncertain` and does not
   * act. `act` gets the idempotency key to send; its result must be small JSON (a receipt).
   * @throws what `act` throws; the KV errors of recording the start (nothing acted then).
   */
  perform<R>(effect: SideEffect, act: (idempotencyKey: string) => Promise<R>): Promise<EffectOutcome<R>>;
}

/**
 * Longest pause between two tries at recording a `done` effect. Short, because while the record says `started`
 * a NATS that comes back may redeliver the task (its claim expired meanwhile) to a replica that holds or repeats.
 */
const RECORD_RETRY_MAX_MS = 1_000;

/** Retries `write` with capped backoff until it succeeds or `signal` aborts. */
async function recordUntilStored(write: () => Promise<unknown>, signal: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (signal.aborted) throw error;
      await sleep(Math.min(RECORD_RETRY_MAX_MS, 100 * 2 ** attempt));
    }
  }
}

function uncertainOf(record: EffectRecord): UncertainEffect {
  return {
    target: record.target,
    idempotencyKey: record.idempotencyKey,
    startedAt: record.startedAt,
    instance: record.attempt.agent.instance,
  };
}

/**
 * The side-effect ledger of one task attempt, over the goal context's `effect.<queue>.<tool>.<target>` keys
 * (see `SideEffects.perform`; the pure transitions are the contracts' `planEffect`, `completeEffect`,
 * `failEffect`). The transport builds one per delivery as `ctx.effects`.
 */
export class EffectLedger implements SideEffects {
  constructor(
    private readonly goal: GoalContext,
    private readonly queue: string,
    private readonly attempt: EffectAttempt,
    private readonly signal: AbortSignal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** See `SideEffects.perform`. */
  async perform<R>(
    effect: SideEffect,
    act: (idempotencyKey: string) => Promise<R>,
  ): Promise<EffectOutcome<R>> {
    const key = CONTEXT_KEYS.effect(this.queue, effect.tool, effect.target);
    const request = {
      effectId: key.slice(CONTEXT_KEYS.effectPrefix.length),
      tool: effect.tool,
      target: effect.target,
      idempotencyKey: effect.idempotencyKey,
      repeatable: effect.repeatable,
      attempt: this.attempt,
    };
    let plan: EffectPlan | undefined;
    await this.goal.update<EffectRecord>(key, (stored) => {
      const current = stored === undefined ? undefined : EffectRecordSchema.parse(stored);
      plan = planEffect(current, { ...request, now: this.now() });
      return plan.kind === 'reuse' ? undefined : plan.next;
    });
    if (!plan) throw new Error(`no plan for effect ${key}`);
    if (plan.kind === 'reuse')
      return { status: 'reused', result: plan.record.result as R | undefined, record: plan.record };
    if (plan.kind === 'hold')
      return { status: 'uncertain', uncertain: uncertainOf(plan.record), record: plan.record };

    const idempotencyKey = plan.idempotencyKey;
    let result: R;
    try {
      result = await act(idempotencyKey);
    } catch (error) {
      // The tool says it failed: recorded once, best effort (a missing mark only makes a retry hold or repeat).
      const info = describeError(error);
      await this.goal
        .update<EffectRecord>(key, (current) => failEffect(current, this.attempt, info, this.now()))
        .catch(() => undefined);
      throw error;
    }
    // The effect happened: a failure to record it must not fail the task (its retry would hold or act again),
    // so keep trying while the transport's heartbeats hold the claim.
    await recordUntilStored(
      () =>
        this.goal.update<EffectRecord>(key, (current) =>
          completeEffect(current, request, result, this.now()),
        ),
      this.signal,
    );
    return { status: 'acted', result, idempotencyKey };
  }
}
