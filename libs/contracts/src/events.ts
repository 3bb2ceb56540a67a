import { z } from 'zod';
import { artifactBucketName, artifactLocation, ARTIFACTS } from './artifact-names.js';
import { AgentRef, envelopeShape, ErrorInfo } from './envelope.js';
import { LIMITS } from './limits.js';
import { ModelUsage } from './usage.js';

const lifecycleShape = {
  ...envelopeShape,
  /** The queue (agent capability) the task was claimed from, e.g. `scrape`. */
  queue: z.string().min(1).max(64),
  agent: AgentRef,
} as const;

/** `task.claimed`: a replica took a task off its queue. One per delivery, so retries are visible. */
export const TaskClaimed = z.strictObject({
  type: z.literal('task.claimed'),
  ...lifecycleShape,
  deliveryCount: z.int().min(1),
  streamSequence: z.int().min(0),
  /** Milliseconds from the task's publication to this claim (the hand-off latency). */
  waitedMs: z.number().min(0),
});
/** A replica took a task off its queue. */
export type TaskClaimed = z.infer<typeof TaskClaimed>;

/** `task.progress`: a long task says how far it is. */
export const TaskProgress = z.strictObject({
  type: z.literal('task.progress'),
  ...lifecycleShape,
  message: z.string().max(1_000),
  fraction: z.number().min(0).max(1).optional(),
});
/** A long task says how far it is. */
export type TaskProgress = z.infer<typeof TaskProgress>;

/** `task.completed`: the handler succeeded. `output` is the handler's summary of what it did. */
export const TaskCompleted = z.strictObject({
  type: z.literal('task.completed'),
  ...lifecycleShape,
  durationMs: z.number().min(0),
  output: z.record(z.string(), z.unknown()),
  /** Message ids of what this completion published: the tasks it handed off, and a goal end it emitted. */
  emitted: z.array(z.string()).max(LIMITS.candidatesMax + 1),
  /** What the attempt spent on a language model; absent when the agent called none (the builtin brains). */
  usage: ModelUsage.optional(),
});
/** The handler succeeded. */
export type TaskCompleted = z.infer<typeof TaskCompleted>;

/** `task.failed`: one attempt failed. `willRetry` says whether the task goes back on the queue. */
export const TaskFailed = z.strictObject({
  type: z.literal('task.failed'),
  ...lifecycleShape,
  deliveryCount: z.int().min(1),
  error: ErrorInfo,
  willRetry: z.boolean(),
  retryInMs: z.number().min(0).nullable(),
  /** Set when the task went to the dead-letter stream: the dead-letter record's id. */
  deadLetterId: z.string().nullable(),
  /** What the failed attempt spent on a language model before it failed; absent when it called none. */
  usage: ModelUsage.optional(),
});
/** One attempt of a task failed. */
export type TaskFailed = z.infer<typeof TaskFailed>;

/** `approval.requested`: the report waits for a human before delivery. */
export const ApprovalRequested = z.strictObject({
  type: z.literal('approval.requested'),
  ...envelopeShape,
  reportArtifact: z
    .string()
    .min(1)
    .max(500)
    .describe(`The report awaiting the decision: ${artifactLocation(ARTIFACTS.reportPreview)}.`),
  summary: z.string().max(4_000),
  expiresAt: z.iso.datetime({ offset: true }),
});
/** The report waits for a human. */
export type ApprovalRequested = z.infer<typeof ApprovalRequested>;

/** `approval.granted`: a human approved delivery. */
export const ApprovalGranted = z.strictObject({
  type: z.literal('approval.granted'),
  ...envelopeShape,
  by: z.string().min(1).max(LIMITS.approvalByMaxChars),
  comment: z.string().max(LIMITS.commentMaxChars).optional(),
});
/** A human approved delivery. */
export type ApprovalGranted = z.infer<typeof ApprovalGranted>;

/** `approval.rejected`: a human rejected the report; it is not delivered. */
export const ApprovalRejected = z.strictObject({
  type: z.literal('approval.rejected'),
  ...envelopeShape,
  by: z.string().min(1).max(LIMITS.approvalByMaxChars),
  comment: z.string().min(1).max(LIMITS.commentMaxChars),
});
/** A human rejected the report. */
export type ApprovalRejected = z.infer<typeof ApprovalRejected>;

/** How a goal ended when it did not fail. */
export const GoalOutcome = z.enum(['delivered', 'nothing-found', 'rejected', 'approval-expired']);
/** How a goal ended. */
export type GoalOutcome = z.infer<typeof GoalOutcome>;

/** `goal.completed`: the goal reached an end the user asked for (a report, or a clear "nothing found"). */
export const GoalCompleted = z.strictObject({
  type: z.literal('goal.completed'),
  /** `queue` and `agent` name the emitter: readers honour the event only with that queue's `end.<queue>` key. */
  ...lifecycleShape,
  outcome: GoalOutcome,
  summary: z.string().max(4_000),
  reportArtifact: z
    .string()
    .max(500)
    .nullable()
    .describe(
      `The report, null when none was written: the object \`<goalId>/${ARTIFACTS.reportMarkdown}\` when ` +
        `delivered (\`<goalId>/${ARTIFACTS.reportHtml}\` beside it) or the preview ` +
        `\`<goalId>/${ARTIFACTS.reportPreview}\` when rejected or expired, in the object-store bucket ` +
        `\`${artifactBucketName(ARTIFACTS.reportMarkdown)}\`.`,
    ),
  deliveredTo: z.array(z.string().max(64)).max(16),
});
/** The goal reached its end. */
export type GoalCompleted = z.infer<typeof GoalCompleted>;

/** `goal.failed`: the goal cannot finish (invalid input or a step that failed for good). */
export const GoalFailed = z.strictObject({
  type: z.literal('goal.failed'),
  /** `queue` and `agent` name the emitter: readers honour the event only with that queue's `end.<queue>` key. */
  ...lifecycleShape,
  reason: ErrorInfo,
  deadLetterId: z.string().nullable(),
});
/** The goal cannot finish. */
export type GoalFailed = z.infer<typeof GoalFailed>;
