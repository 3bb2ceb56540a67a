import { z } from 'zod';
import { AgentRef, ErrorInfo } from './envelope.js';

/**
 * The states of one side effect in the goal's ledger (`effect.<queue>.<tool>.<target>`):
 * - `started`: an attempt is about to act (written by compare-and-set BEFORE acting, with the idempotency key);
 *   found by a later attempt, it means the effect may have happened.
 * - `done`: the effect happened; `result` is what the tool returned, reused by any later attempt instead of acting.
 * - `failed`: acting failed (the tool threw): the effect did not happen, a later attempt may act again.
 * - `uncertain`: a later attempt found `started` for a tool that is not safe to repeat: the effect may have
 *   happened, nothing acts again, and a human checks it by its idempotency key.
 */
export const EFFECT_STATES = ['started', 'done', 'failed', 'uncertain'] as const;
/** A side effect's state. */
export const EffectState = z.enum(EFFECT_STATES);
/** A side effect's state. */
export type EffectState = z.infer<typeof EffectState>;

/** Longest recorded result of a side effect, in characters of JSON: a receipt, never the payload it sent. */
export const EFFECT_RESULT_MAX_CHARS = 4_000;

/** Longest idempotency key a side effect may carry. */
export const EFFECT_KEY_MAX_CHARS = 256;

/** One attempt at a task: the replica and the task's delivery count. */
export const EffectAttempt = z.strictObject({
  agent: AgentRef,
  deliveryCount: z.int().min(1),
});
/** One attempt at a task. */
export type EffectAttempt = z.infer<typeof EffectAttempt>;

/**
 * One side effect as the goal's ledger keeps it (KV `<goalId>.effect.<queue>.<tool>.<target>`), changed only by
 * compare-and-set. `idempotencyKey` is the one the first attempt acted with: every later attempt acts (when it
 * may) with the same key.
 */
export const EffectRecord = z.strictObject({
  state: EffectState,
  /** `<queue>.<tool>.<target>`: deterministic from the task's queue, the tool and what it acts on. */
  effectId: z.string().min(1).max(300),
  tool: z.string().min(1).max(64),
  target: z.string().min(1).max(128),
  idempotencyKey: z.string().min(1).max(EFFECT_KEY_MAX_CHARS),
  /** Whether the tool declared its effect safe to repeat under its idempotency key. */
  repeatable: z.boolean(),
  /** The attempt that last started (or, for `done`, completed) the effect. */
  attempt: EffectAttempt,
  /** How many attempts started acting (1 unless a repeatable effect was acted on again). */
  starts: z.int().min(1),
  startedAt: z.iso.datetime({ offset: true }),
  /** When the record last changed. */
  at: z.iso.datetime({ offset: true }),
  /** `done`: what the tool returned (JSON, at most EFFECT_RESULT_MAX_CHARS). */
  result: z.unknown().optional(),
  /** `done`: true when the result was longer than EFFECT_RESULT_MAX_CHARS and not kept. */
  resultOmitted: z.literal(true).optional(),
  /** `failed`: why acting failed. */
  error: ErrorInfo.optional(),
  /** `uncertain`: the attempt that found the effect started by another and did not act. */
  heldBy: EffectAttempt.optional(),
});
/** One side effect as the goal's ledger keeps it. */
export type EffectRecord = z.infer<typeof EffectRecord>;

/** A side effect that may have happened, as a task result and `goal.completed` name it for a human to check. */
export const UncertainEffect = z.strictObject({
  /** The tool's target (for deliveries, the sink). */
  target: z.string().min(1).max(128),
  idempotencyKey: z.string().min(1).max(EFFECT_KEY_MAX_CHARS),
  /** When the attempt that may have acted started. */
  startedAt: z.iso.datetime({ offset: true }),
  /** The replica that may have acted. */
  instance: z.string().min(1).max(128),
});
/** A side effect that may have happened. */
export type UncertainEffect = z.infer<typeof UncertainEffect>;
