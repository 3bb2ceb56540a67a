import type { BudgetRecord } from '@swarm/contracts';
import { BudgetRecord as BudgetRecordSchema, CONTEXT_KEYS, UsageRecord } from '@swarm/contracts';
import type { TaskContext } from '@swarm/transport';
import { currentTaskUsage } from '@swarm/transport';
import { withAttemptUsage } from '../domain/usage-summary.js';

/**
 * Every model usage record of the goal, in key order (each attempt of each agent that called a model), plus
 * this report attempt's own usage so far as the communications row. Empty when no agent called a model, as
 * with the builtin brains.
 */
export async function goalUsage(ctx: TaskContext): Promise<UsageRecord[]> {
  const stored = await ctx.goal.list(CONTEXT_KEYS.usagePrefix, UsageRecord);
  return withAttemptUsage(
    stored.map((entry) => entry.value),
    { agent: ctx.agent, queue: ctx.queue, taskId: ctx.taskId, deliveryCount: ctx.deliveryCount },
    currentTaskUsage(),
  );
}

/**
 * The goal's budget record as it stands now, or undefined when it has none or the record does not parse (a newer
 * deployment's record): the report then has no "Budget" section, never an error.
 */
export async function goalBudget(ctx: TaskContext): Promise<BudgetRecord | undefined> {
  const entry = await ctx.goal.get(CONTEXT_KEYS.budget);
  const parsed = BudgetRecordSchema.safeParse(entry?.value);
  return parsed.success ? parsed.data : undefined;
}
