import type { BudgetRecord } from '@swarm/contracts';
import type { GoalEvent } from '@swarm/goal-views';
import { usageOf } from '@swarm/goal-views';
import { renderBudget } from './budget-lines.js';

/**
 * Whether `event` may have changed the goal's budget: a task attempt that called a model (its usage was settled
 * into the budget), or a budget event. Builtin-only goals never trigger a read. Pure.
 */
export function touchesBudget(event: GoalEvent): boolean {
  return event.type === 'budget.exhausted' || event.type === 'budget.added' || usageOf(event) !== undefined;
}

/** What a live budget line shows: limits, spent, the deadline, the exhausted mark and the additions. Pure. */
function shownPart(record: BudgetRecord): string {
  const { limits, spent, deadlineAt, exhausted, additions } = record;
  return JSON.stringify([limits, spent, deadlineAt, exhausted?.at, additions.length]);
}

/**
 * The live budget line while a goal is followed (`swarm goal --wait`, `swarm watch`): the budget's first line,
 * plus `; exhausted (<what ran out>)` when it ran out; or undefined when nothing it shows changed since
 * `previous` (the record of the last line printed), or the budget limits nothing and nothing was spent. Pure.
 */
export function liveBudgetLine(
  record: BudgetRecord,
  previous: BudgetRecord | undefined,
  now: Date,
): string | undefined {
  if (previous && shownPart(previous) === shownPart(record)) return undefined;
  const limited = Object.keys(record.limits).length > 0 || record.deadlineAt !== undefined;
  if (!limited && record.spent.modelCalls === 0) return undefined;
  const [first = ''] = renderBudget(record, now);
  const mark = record.exhausted ? `; exhausted (${record.exhausted.shortfall ?? 'budget'})` : '';
  return `          ${first}${mark}`;
}
