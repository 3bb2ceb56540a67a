import { z } from 'zod';
import { LIMITS } from './limits.js';
import { ModelFailure } from './usage.js';
import { SCHEMA_VERSION } from './version.js';

/** A goal id: one NATS subject token (letters, digits, `_` and `-`), so it can sit inside event subjects. */
export const GoalId = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'goal id may hold only letters, digits, "_" and "-"')
  .min(1)
  .max(LIMITS.goalIdMaxChars);

/** A message or task id. Deterministic ids double as `Nats-Msg-Id` for de-duplication. */
export const MessageId = z
  .string()
  .regex(/^[A-Za-z0-9_.:/-]+$/, 'id may hold only letters, digits and "_.:/-"')
  .min(1)
  .max(LIMITS.idMaxChars);

/**
 * Fields every message on the bus carries. `causationId` is the `messageId` of the message that caused this
 * one (`null` only for a goal submission, which nothing on the bus caused). `attempt` is the delivery attempt of
 * the task that produced the message (1 for the first try).
 */
export const envelopeShape = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  messageId: MessageId,
  goalId: GoalId,
  taskId: MessageId,
  causationId: MessageId.nullable(),
  attempt: z.int().min(1),
  timestamp: z.iso.datetime({ offset: true }),
} as const;

/** The envelope alone: what every message is checked against before its own schema. */
export const Envelope = z.object(envelopeShape);
/** Fields common to every bus message. */
export type Envelope = z.infer<typeof Envelope>;

/** Who did something: the agent kind and the replica instance that claimed the task. */
export const AgentRef = z.strictObject({
  kind: z.string().min(1).max(64),
  instance: z.string().min(1).max(128),
});
/** Who did something. */
export type AgentRef = z.infer<typeof AgentRef>;

/** A structured error as it travels on the bus. */
export const ErrorInfo = z.strictObject({
  code: z.string().min(1).max(100),
  message: z.string().max(4_000),
  retryable: z.boolean(),
  /** Set when a model's output failed validation for good (`invalid-model-output`): what it said and why. */
  model: ModelFailure.optional(),
});
/** A structured error as it travels on the bus. */
export type ErrorInfo = z.infer<typeof ErrorInfo>;
