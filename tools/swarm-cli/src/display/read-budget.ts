import type { BudgetRecord } from '@swarm/contracts';
import { BudgetRecord as BudgetRecordSchema, CONTEXT_KEYS } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';

/**
 * The goal's budget record (`<goal>.budget`), or undefined when the goal has none yet or the record cannot be
 * read or parsed (a newer deployment's record): the budget lines are then left out, never an error.
 */
export async function readBudget(client: SwarmClient, goalId: string): Promise<BudgetRecord | undefined> {
  try {
    const entry = await (await client.goal(goalId)).get(CONTEXT_KEYS.budget);
    const parsed = BudgetRecordSchema.safeParse(entry?.value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
