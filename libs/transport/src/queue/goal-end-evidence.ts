import type { GoalEndRecord } from '@swarm/contracts';
import { CONTEXT_KEYS, GoalEndRecord as GoalEndRecordSchema, isTerminalEventType } from '@swarm/contracts';
import type { GoalContext } from '../context/goal-context.js';

/** A message a task hands off, as far as the end evidence needs it. */
interface Outbound {
  readonly message: { readonly type: string; readonly goalId: string; readonly messageId: string };
}

/** The end record of a terminal event, or undefined for any other message. Pure. */
export function endRecordOf(message: Outbound['message'], now: Date): GoalEndRecord | undefined {
  if (!isTerminalEventType(message.type)) return undefined;
  const outcome = (message as { outcome?: unknown }).outcome;
  return GoalEndRecordSchema.parse({
    type: message.type,
    messageId: message.messageId,
    ...(message.type === 'goal.completed' && typeof outcome === 'string' ? { outcome } : {}),
    at: now.toISOString(),
  });
}

/**
 * Whether `next` may replace the stored end record `current`: only a `goal.failed` gives way, to the same
 * queue's later `goal.completed` (a dead-lettered task replayed with success). Pure.
 */
export function supersedesEnd(current: GoalEndRecord | undefined, next: GoalEndRecord): boolean {
  return current?.type === 'goal.failed' && next.type === 'goal.completed';
}

/**
 * Writes the evidence behind each terminal event (`goal.completed`, `goal.failed`) a task of `queue` is about to
 * publish: the key `end.<queue>` of the event's goal, holding its type, message id and outcome. Readers honour
 * a terminal event only with this evidence, and under the shipped permissions only the queue's own agent can
 * write it. First write wins (a redelivery or a replay keeps the record), except that a `goal.failed` gives way to
 * a later `goal.completed`. Call it before publishing the events; it throws what the KV write throws, so the task
 * is retried rather than publishing an end that no evidence backs.
 */
export async function recordGoalEnds(
  goalContext: (goalId: string) => GoalContext,
  queue: string,
  outbound: readonly Outbound[],
  now: Date = new Date(),
): Promise<void> {
  for (const { message } of outbound) {
    const record = endRecordOf(message, now);
    if (!record) continue;
    const goal = goalContext(message.goalId);
    const key = CONTEXT_KEYS.end(queue);
    const stored = await goal.create(key, record);
    if (stored.created) continue;
    const current = GoalEndRecordSchema.safeParse(stored.value);
    if (supersedesEnd(current.success ? current.data : undefined, record))
      await goal.update<GoalEndRecord>(key, (value) =>
        supersedesEnd(GoalEndRecordSchema.safeParse(value).data, record) ? record : undefined,
      );
  }
}
