import type {
  AgentRef,
  Envelope,
  ErrorInfo,
  GoalFailed,
  ModelUsage,
  TaskClaimed,
  TaskCompleted,
  TaskFailed,
  TaskProgress,
} from '@swarm/contracts';
import { HEADERS, messageIds, SCHEMA_VERSION } from '@swarm/contracts';

/** The ids of the task an event is about. */
export interface TaskRef {
  readonly goalId: string;
  readonly taskId: string;
  readonly messageId: string;
  readonly queue: string;
  readonly agent: AgentRef;
  /**
   * What the ids of this delivery's lifecycle events start with: the task id, or `<taskId>/replay/<tag>` for a
   * message `swarm dlq replay` put back (so the replay's events are not dropped as duplicates of the original's).
   */
  readonly eventIdBase?: string;
}

const REPLAY_TAG = /^[A-Za-z0-9_-]{1,40}$/;

/** The lifecycle event id base of a delivery: the task id, plus the replay tag a replayed message carries. Pure. */
export function eventIdBase(
  taskId: string,
  headers: Readonly<Record<string, readonly string[] | undefined>>,
): string {
  const tag = headers[HEADERS.replay]?.[0];
  return tag !== undefined && REPLAY_TAG.test(tag) ? `${taskId}/replay/${tag}` : taskId;
}

const baseOf = (task: TaskRef): string => task.eventIdBase ?? task.taskId;

function envelopeFor(task: TaskRef, messageId: string, attempt: number, now: Date): Envelope {
  return {
    schemaVersion: SCHEMA_VERSION,
    messageId,
    goalId: task.goalId,
    taskId: task.taskId,
    causationId: task.messageId,
    attempt: Math.max(1, attempt),
    timestamp: now.toISOString(),
  };
}

/** `task.claimed` for one delivery. Pure. */
export function claimedEvent(
  task: TaskRef,
  delivery: { deliveryCount: number; streamSequence: number; waitedMs: number },
  now: Date,
): TaskClaimed {
  return {
    type: 'task.claimed',
    ...envelopeFor(
      task,
      messageIds.claimed(baseOf(task), delivery.deliveryCount),
      delivery.deliveryCount,
      now,
    ),
    queue: task.queue,
    agent: task.agent,
    deliveryCount: delivery.deliveryCount,
    streamSequence: delivery.streamSequence,
    waitedMs: Math.max(0, delivery.waitedMs),
  };
}

/** `task.progress`. Pure. */
export function progressEvent(
  task: TaskRef,
  deliveryCount: number,
  step: number,
  message: string,
  fraction: number | undefined,
  now: Date,
): TaskProgress {
  return {
    type: 'task.progress',
    ...envelopeFor(task, messageIds.progress(baseOf(task), deliveryCount, step), deliveryCount, now),
    queue: task.queue,
    agent: task.agent,
    message: message.slice(0, 1_000),
    ...(fraction === undefined ? {} : { fraction: Math.min(1, Math.max(0, fraction)) }),
  };
}

/** `task.completed`. Pure. */
export function completedEvent(
  task: TaskRef,
  deliveryCount: number,
  result: { durationMs: number; output: Record<string, unknown>; emitted: string[]; usage?: ModelUsage },
  now: Date,
): TaskCompleted {
  return {
    type: 'task.completed',
    ...envelopeFor(task, messageIds.completed(baseOf(task)), deliveryCount, now),
    queue: task.queue,
    agent: task.agent,
    durationMs: Math.max(0, result.durationMs),
    output: result.output,
    emitted: result.emitted,
    ...(result.usage ? { usage: result.usage } : {}),
  };
}

/** `task.failed` for one attempt. Pure. */
export function failedEvent(
  task: TaskRef,
  deliveryCount: number,
  outcome: {
    error: ErrorInfo;
    retryInMs: number | null;
    deadLetterId: string | null;
    usage?: ModelUsage | undefined;
  },
  now: Date,
): TaskFailed {
  return {
    type: 'task.failed',
    ...envelopeFor(task, messageIds.failed(baseOf(task), deliveryCount), deliveryCount, now),
    queue: task.queue,
    agent: task.agent,
    deliveryCount: Math.max(1, deliveryCount),
    error: outcome.error,
    willRetry: outcome.retryInMs !== null,
    retryInMs: outcome.retryInMs,
    deadLetterId: outcome.deadLetterId,
    ...(outcome.usage ? { usage: outcome.usage } : {}),
  };
}

/** `goal.failed` caused by a dead-lettered task. Pure. */
export function goalFailedEvent(
  task: TaskRef,
  attempt: number,
  reason: ErrorInfo,
  deadLetterId: string,
  now: Date,
): GoalFailed {
  return {
    type: 'goal.failed',
    ...envelopeFor(task, messageIds.goalFailed(task.goalId), attempt, now),
    queue: task.queue,
    agent: task.agent,
    reason,
    deadLetterId,
  };
}
