import type { ModelUsage, UsageRecord } from '@swarm/contracts';
import { CONTEXT_KEYS } from '@swarm/contracts';
import type { GoalContext } from '../context/goal-context.js';
import { currentTaskUsage } from '../observability/task-scope.js';
import type { TaskRef } from './lifecycle-events.js';

/**
 * Keeps what the current task attempt spent on models in the goal's context, once per attempt (a write-once key
 * `usage.<queue>.<task>.<delivery>`), before its hand-offs go out, so the report's agent can add it up. Returns
 * the usage for the attempt's event, or undefined when the attempt called no model (nothing is written).
 */
export async function recordAttemptUsage(
  goal: GoalContext,
  task: TaskRef,
  deliveryCount: number,
): Promise<ModelUsage | undefined> {
  const usage = currentTaskUsage();
  if (!usage) return undefined;
  const record: UsageRecord = {
    agent: task.agent,
    queue: task.queue,
    taskId: task.taskId,
    deliveryCount,
    usage,
  };
  await goal.create(CONTEXT_KEYS.usage(task.queue, task.taskId, deliveryCount), record);
  return usage;
}
