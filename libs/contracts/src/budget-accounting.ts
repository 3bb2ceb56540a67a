import type {
  BudgetAddition,
  BudgetAmounts,
  BudgetLimits,
  BudgetPolicy,
  BudgetRecord,
  BudgetShortfall,
  GoalBudget,
} from './budget.js';
import { BUDGET_RESERVATIONS_MAX } from './budget.js';

/** Nothing spent. */
export const NO_AMOUNTS: BudgetAmounts = { costUsd: 0, tokens: 0, modelCalls: 0 };

const QUANTITIES = ['costUsd', 'tokens', 'modelCalls'] as const;

/** Cost is kept to a billionth of a dollar so that many small calls do not drift. */
function roundCost(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}

/** `a + b` per quantity. Pure. */
export function addAmounts(a: BudgetAmounts, b: Partial<BudgetAmounts>): BudgetAmounts {
  return {
    costUsd: roundCost(a.costUsd + (b.costUsd ?? 0)),
    tokens: a.tokens + (b.tokens ?? 0),
    modelCalls: a.modelCalls + (b.modelCalls ?? 0),
  };
}

/** The sum of every open reservation. Pure. */
export function reservedOf(record: BudgetRecord): BudgetAmounts {
  return Object.values(record.reservations).reduce(addAmounts, NO_AMOUNTS);
}

/** What is left of each limited quantity after what is spent and reserved (never below 0). Pure. */
export function budgetLeft(record: BudgetRecord): BudgetLimits {
  const used = addAmounts(record.spent, reservedOf(record));
  const left: BudgetLimits = {};
  for (const quantity of QUANTITIES) {
    const limit = record.limits[quantity];
    if (limit !== undefined) left[quantity] = Math.max(0, roundCost(limit - used[quantity]));
  }
  return left;
}

/**
 * The new record of a goal: the goal's own budget over the deployment's defaults, the deadline counted from
 * `submittedAt` (epoch ms). Pure.
 */
export function openBudget(
  asked: GoalBudget | undefined,
  defaults: GoalBudget & { readonly onExhausted: BudgetPolicy },
  submittedAt: number,
): BudgetRecord {
  const merged = { ...defaults, ...stripUndefined(asked ?? {}) };
  const limits: BudgetLimits = {};
  for (const quantity of QUANTITIES) if (merged[quantity] !== undefined) limits[quantity] = merged[quantity];
  return {
    limits,
    ...(merged.deadlineMs === undefined ? {} : { deadlineAt: submittedAt + merged.deadlineMs }),
    onExhausted: merged.onExhausted,
    spent: NO_AMOUNTS,
    reservations: {},
    additions: [],
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Why no task of the goal may run any more (its deadline passed), or undefined. Pure. */
export function deadlineRefusal(record: BudgetRecord, now: number): string | undefined {
  if (record.deadlineAt === undefined || now < record.deadlineAt) return undefined;
  return `the goal's deadline passed at ${new Date(record.deadlineAt).toISOString()}`;
}

/** Why a reservation is refused and what ran out. */
export interface BudgetRefusal {
  readonly reason: string;
  readonly shortfall: BudgetShortfall;
}

/**
 * Why a reservation is refused and what ran out, or undefined when `estimate` fits every limit. Once a record is
 * exhausted every reservation is refused (with the shortfall that exhausted it) until an addition clears the
 * mark, so a degraded goal stays on its builtin brains. Pure.
 */
export function refusalDetailOf(
  record: BudgetRecord,
  estimate: BudgetAmounts,
  now: number,
): BudgetRefusal | undefined {
  const late = deadlineRefusal(record, now);
  if (late !== undefined) return { reason: late, shortfall: 'deadline' };
  if (record.exhausted)
    return {
      reason: `the budget is exhausted (${record.exhausted.reason})`,
      shortfall: record.exhausted.shortfall ?? 'modelCalls',
    };
  const used = addAmounts(record.spent, reservedOf(record));
  for (const quantity of QUANTITIES) {
    const limit = record.limits[quantity];
    if (limit !== undefined && used[quantity] + estimate[quantity] > limit + 1e-9)
      return {
        reason: `${quantity} budget ${limit} cannot cover the next call (${used[quantity]} spent or reserved, ${estimate[quantity]} estimated)`,
        shortfall: quantity,
      };
  }
  if (Object.keys(record.reservations).length >= BUDGET_RESERVATIONS_MAX)
    return {
      reason: `${BUDGET_RESERVATIONS_MAX} model calls are already in flight for this goal`,
      shortfall: 'reservations',
    };
  return undefined;
}

/**
 * Why a reservation is refused, or undefined when `estimate` fits every limit (`refusalDetailOf`'s reason). Pure.
 */
export function refusalOf(record: BudgetRecord, estimate: BudgetAmounts, now: number): string | undefined {
  return refusalDetailOf(record, estimate, now)?.reason;
}

/**
 * Reserves `estimate` under `id`: the next record, or the refusal (the record then marked exhausted, once).
 * A reservation already open under `id` is kept as it is (a retried compare-and-set). Pure.
 */
export function reserveIn(
  record: BudgetRecord,
  id: string,
  estimate: BudgetAmounts,
  now: number,
): { readonly record: BudgetRecord; readonly refusal?: string } {
  if (record.reservations[id]) return { record };
  const refusal = refusalDetailOf(record, estimate, now);
  if (refusal === undefined)
    return { record: { ...record, reservations: { ...record.reservations, [id]: estimate } } };
  return { record: markExhausted(record, refusal.reason, now, refusal.shortfall), refusal: refusal.reason };
}

/** The record marked exhausted with `reason` and what ran out (unchanged if it already is). Pure. */
export function markExhausted(
  record: BudgetRecord,
  reason: string,
  now: number,
  shortfall?: BudgetShortfall,
): BudgetRecord {
  if (record.exhausted) return record;
  return {
    ...record,
    exhausted: {
      at: new Date(now).toISOString(),
      reason: reason.slice(0, 1_000),
      ...(shortfall === undefined ? {} : { shortfall }),
    },
  };
}

/**
 * Which exhaustion of its goal a record's mark is: 1 for the first, one more after each addition (an addition
 * clears the mark, so the next exhaustion is a new one). The `budget.exhausted` event's id carries it. Pure.
 */
export function exhaustionNumber(record: BudgetRecord): number {
  return record.additions.length + 1;
}

/**
 * Settles reservation `id` with what the call really used: the reservation closes and `actual` is added to
 * `spent` (the unused part of the estimate returns). Undefined (nothing to write) when `id` is not open, so a
 * repeated settle counts once. Pure.
 */
export function settleIn(record: BudgetRecord, id: string, actual: BudgetAmounts): BudgetRecord | undefined {
  if (!record.reservations[id]) return undefined;
  const reservations = { ...record.reservations };
  delete reservations[id];
  return { ...record, reservations, spent: addAmounts(record.spent, actual) };
}

/**
 * Whether the record already holds an addition by the same `by` under the same idempotency `key` (an addition
 * without a key is never a repeat). Only the kept additions count (the last 100). Pure.
 */
export function additionRepeated(record: BudgetRecord, addition: BudgetAddition): boolean {
  if (addition.key === undefined) return false;
  return record.additions.some((kept) => kept.key === addition.key && kept.by === addition.by);
}

/**
 * Adds to a goal's limits (and deadline) and clears its exhausted mark. A quantity the record does not limit
 * stays unlimited. Pure.
 */
export function addToBudget(record: BudgetRecord, addition: BudgetAddition): BudgetRecord {
  const limits: BudgetLimits = { ...record.limits };
  for (const quantity of QUANTITIES) {
    const extra = addition.add[quantity];
    const limit = limits[quantity];
    if (extra !== undefined && limit !== undefined) limits[quantity] = roundCost(limit + extra);
  }
  const { exhausted: _cleared, ...rest } = record;
  return {
    ...rest,
    limits,
    ...(record.deadlineAt !== undefined && addition.deadlineMs !== undefined
      ? { deadlineAt: Math.max(record.deadlineAt, Date.parse(addition.at)) + addition.deadlineMs }
      : {}),
    additions: [...record.additions, addition].slice(-100),
  };
}

/** The parts of a budget over a ceiling, as `costUsd 2 > 1` phrases; [] when it fits. Pure. */
export function overCeiling(asked: GoalBudget | undefined, ceiling: GoalBudget): string[] {
  if (!asked) return [];
  const over: string[] = [];
  for (const quantity of [...QUANTITIES, 'deadlineMs'] as const) {
    const value = asked[quantity];
    const max = ceiling[quantity];
    if (value !== undefined && max !== undefined && value > max) over.push(`${quantity} ${value} > ${max}`);
  }
  return over;
}
