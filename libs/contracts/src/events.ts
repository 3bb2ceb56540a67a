import { z } from 'zod';
import { artifactBucketName, artifactLocation, ARTIFACTS } from './artifact-names.js';
import { BudgetAmounts, BudgetLimits, BudgetPolicy, BudgetShortfall } from './budget.js';
import { AgentRef, envelopeShape, ErrorInfo } from './envelope.js';
import { UncertainEffect } from './effect-record.js';
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
  uncertainDeliveries: z
    .array(UncertainEffect)
    .max(16)
    .optional()
    .describe(
      'Sinks the report may or may not have reached: an earlier attempt started delivering and its replica died ' +
        'before recording the outcome, and the sink is not safe to repeat, so nothing was sent again. Check each ' +
        'at its sink by its idempotency key. Absent when there is none.',
    ),
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

/**
 * `budget.exhausted`: a goal's budget could not cover the next model call, or its deadline passed. Published
 * once per exhaustion by the replica whose compare-and-set marked the goal's budget record exhausted (`queue` and
 * `agent` name it), so racing replicas publish it once. Under `pause` the goal then waits for a human to add to
 * its budget (`budget.added` resumes it); under `degrade` it goes on with the builtin brains; under `fail` a
 * `goal.failed` with reason `budget-exhausted` follows.
 */
export const BudgetExhausted = z.strictObject({
  type: z.literal('budget.exhausted'),
  ...lifecycleShape,
  /** Which exhaustion of the goal this is: 1, then one more after each addition (`<goalId>/budget.exhausted/<n>`). */
  exhaustion: z.int().min(1),
  /** What ran out: a quantity, the deadline, or the room for calls in flight. */
  shortfall: BudgetShortfall,
  reason: z.string().max(1_000),
  policy: BudgetPolicy,
  limits: BudgetLimits,
  /** Settled usage when it ran out. */
  spent: BudgetAmounts,
  /** Estimates of the calls then in flight. */
  reserved: BudgetAmounts,
  /** What was left of each limited quantity (never below 0). */
  left: BudgetLimits,
  deadlineAt: z.iso.datetime({ offset: true }).optional(),
  /** Under `pause`: how to resume the goal (the `swarm budget` command that adds to what ran out). */
  resumeHint: z.string().max(500).optional(),
});
/** A goal's budget ran out. */
export type BudgetExhausted = z.infer<typeof BudgetExhausted>;

/**
 * `budget.added`: a human added to a goal's budget (`swarm budget <goal> --add`, or the gateway for the people it
 * authenticates). The addition is recorded in the budget record first (clearing its exhausted mark); this event is
 * its audit record on the stream, with the parked tasks it put back to work.
 */
export const BudgetAdded = z.strictObject({
  type: z.literal('budget.added'),
  ...envelopeShape,
  /** Who added it: the CLI's `--by` or the operator's user. */
  by: z.string().min(1).max(128),
  add: BudgetAmounts.partial(),
  /** Milliseconds added to the deadline. */
  deadlineMs: z.int().min(0).optional(),
  /** Which addition of the goal this is (1 for the first); the event id is `<goalId>/budget.added/<n>`. */
  addition: z.int().min(1),
  /** The limits after the addition. */
  limits: BudgetLimits,
  spent: BudgetAmounts,
  left: BudgetLimits,
  deadlineAt: z.iso.datetime({ offset: true }).optional(),
  /** The exhaustion this addition cleared (its reason), absent when the budget had not run out. */
  cleared: z.string().max(1_000).optional(),
  /** The dead-letter ids of the parked tasks it put back on their queues. */
  resumed: z.array(z.string().min(1).max(300)).max(500),
});
/** A human added to a goal's budget. */
export type BudgetAdded = z.infer<typeof BudgetAdded>;
