import { envelopeShape, SCHEMA_VERSION } from '@swarm/contracts';
import { z } from 'zod';

/** A test task that says how its handler should behave, so one worker serves every transport scenario. */
export const WorkTask = z.strictObject({
  type: z.literal('task.work'),
  ...envelopeShape,
  work: z.strictObject({
    /** How long the handler works (heartbeats keep the claim meanwhile). */
    ms: z.int().min(0).default(0),
    /** Throw a retryable error while the delivery count is at most this. */
    failUntilDelivery: z.int().min(0).default(0),
    /** Throw a non-retryable error. */
    permanentFailure: z.boolean().default(false),
    /** A retryable failure asks for at least this wait before the retry (an upstream's `Retry-After`). */
    retryAfterMs: z.int().min(0).optional(),
    /** Tokens each attempt reports as spent on a model (one call), before it works or fails. */
    spendTokens: z.int().min(0).optional(),
    /** Model calls each attempt reserves from its goal's budget (one call each), before it works or fails. */
    reserveModelCalls: z.int().min(0).max(100).optional(),
    /**
     * When a reservation is refused, add this many model calls to the goal's budget (as a human racing the
     * parking would) before failing: the addition resumes nothing, since the task is not parked yet.
     */
    topUpWhenExhausted: z.int().min(1).max(100).optional(),
  }),
});
/** A test task. */
export type WorkTask = z.infer<typeof WorkTask>;
/** A test task as published. */
export type WorkTaskInput = z.input<typeof WorkTask>;

/** Builds a work task for `goalId`/`taskId` with the given behaviour. */
export function workTask(goalId: string, taskId: string, work: WorkTaskInput['work'] = {}): WorkTaskInput {
  return {
    type: 'task.work',
    schemaVersion: SCHEMA_VERSION,
    messageId: taskId,
    goalId,
    taskId,
    causationId: null,
    attempt: 1,
    timestamp: new Date().toISOString(),
    work,
  };
}
