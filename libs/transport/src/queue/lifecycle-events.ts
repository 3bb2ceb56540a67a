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
import { messageIds, SCHEMA_VERSION } from '@swarm/contracts';

/** The ids of the task an event is about. */
export interface TaskRef {
  readonly goalId: string;
  readonly taskId: string;
  readonly messageId: string;
  readonly queue: string;
  readonly agent: AgentRef;
}

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
      messageIds.claimed(task.taskId, delivery.deliveryCount),
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
    ...envelopeFor(task, messageIds.progress(task.taskId, deliveryCount, step), deliveryCount, now),
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
    ...envelopeFor(task, messageIds.completed(task.taskId), deliveryCount, now),
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
    ...envelopeFor(task, messageIds.failed(task.taskId, deliveryCount), deliveryCount, now),
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
    reason,
    deadLetterId,
  };
}
