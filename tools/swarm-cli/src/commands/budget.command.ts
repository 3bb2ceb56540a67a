import type { GoalBudget } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { addToGoalBudget, budgetDefaults, transportSettingsFromEnv } from '@swarm/transport';
import { renderBudget } from '../display/budget-lines.js';
import { CliError, EXIT_CODES } from '../errors.js';

/**
 * `swarm budget <goal> --add cost=0.25`: adds to the goal's budget (recorded in its budget record with `by`) and
 * resumes every task parked for want of budget, then prints the budget. Throws CliError (usage) for an empty
 * addition.
 */
export async function runBudgetAdd(
  client: SwarmClient,
  goalId: string,
  options: {
    readonly add: GoalBudget;
    readonly by: string;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
  out: (line: string) => void,
): Promise<void> {
  const { costUsd, tokens, modelCalls, deadlineMs } = options.add;
  const add = Object.fromEntries(
    Object.entries({ costUsd, tokens, modelCalls }).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(add).length === 0 && deadlineMs === undefined)
    throw new CliError('bad --add: name cost, tokens, calls or deadline', EXIT_CODES.usage);
  const defaults = budgetDefaults(transportSettingsFromEnv(options.env));
  const { record, resumed, announced } = await addToGoalBudget(
    client,
    goalId,
    { by: options.by, add, ...(deadlineMs === undefined ? {} : { deadlineMs }) },
    defaults,
  );
  out(`goal ${goalId}: budget added by ${options.by}; ${resumed.length} parked task(s) resumed`);
  if (!announced)
    out('warning: the budget.added event could not be published; the budget record keeps the addition');
  for (const line of renderBudget(record, new Date())) out(line);
}
