import type { BudgetView } from './api-types';

/**
 * Whether a goal's budget is worth a section on its page: it limits something, has a deadline, ran out, was added
 * to, or paid for a model call. Every goal the swarm claimed has a budget record, most of them limiting nothing.
 * Pure.
 */
export function budgetMatters(budget: BudgetView | null | undefined): budget is BudgetView {
  if (!budget) return false;
  return (
    Object.keys(budget.limits).length > 0 ||
    budget.deadlineAt !== undefined ||
    budget.exhausted !== undefined ||
    (budget.additions?.length ?? 0) > 0 ||
    (budget.spent.modelCalls ?? 0) > 0
  );
}
