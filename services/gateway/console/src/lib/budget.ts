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

/** What the "Add to budget" form holds: each field as typed (empty: not added). */
export interface BudgetAdditionFields {
  readonly costUsd: string;
  readonly tokens: string;
  readonly modelCalls: string;
  readonly deadlineMinutes: string;
}

/** The body of `POST /goals/{goalId}/budget`. */
export interface BudgetAdditionBody {
  readonly add: { costUsd?: number; tokens?: number; modelCalls?: number };
  readonly deadlineMs?: number;
}

/**
 * The request body for what the form holds, or the sentence that says what is wrong with it (a field that is not
 * a positive number, a count that is not whole, nothing filled in). The gateway checks the ceiling. Pure.
 */
export function budgetAdditionBody(fields: BudgetAdditionFields): BudgetAdditionBody | string {
  const add: { costUsd?: number; tokens?: number; modelCalls?: number } = {};
  const read = (text: string, name: string, whole: boolean): number | string | undefined => {
    if (text.trim() === '') return undefined;
    const value = Number(text.trim());
    if (!Number.isFinite(value) || value <= 0) return `${name} must be a positive number.`;
    if (whole && !Number.isInteger(value)) return `${name} must be a whole number.`;
    return value;
  };
  const cost = read(fields.costUsd, 'Cost', false);
  const tokens = read(fields.tokens, 'Tokens', true);
  const calls = read(fields.modelCalls, 'Model calls', true);
  const minutes = read(fields.deadlineMinutes, 'Deadline', false);
  for (const value of [cost, tokens, calls, minutes]) if (typeof value === 'string') return value;
  if (typeof cost === 'number') add.costUsd = cost;
  if (typeof tokens === 'number') add.tokens = tokens;
  if (typeof calls === 'number') add.modelCalls = calls;
  const deadlineMs = typeof minutes === 'number' ? Math.round(minutes * 60_000) : undefined;
  if (Object.keys(add).length === 0 && deadlineMs === undefined)
    return 'Fill in at least one of cost, tokens, model calls or deadline.';
  return { add, ...(deadlineMs === undefined ? {} : { deadlineMs }) };
}
