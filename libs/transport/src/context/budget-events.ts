import type {
  AgentRef,
  BudgetAdded,
  BudgetAddition,
  BudgetExhausted,
  BudgetLimits,
  BudgetRecord,
  BudgetShortfall,
} from '@swarm/contracts';
import { budgetLeft, exhaustionNumber, messageIds, reservedOf, SCHEMA_VERSION } from '@swarm/contracts';

/** The task whose reservation (or deadline check) ran a goal's budget out. */
export interface ExhaustingTask {
  readonly goalId: string;
  readonly taskId: string;
  /** The task message's id: the event's cause. */
  readonly messageId: string;
  readonly queue: string;
  readonly agent: AgentRef;
  readonly attempt: number;
}

/** The `swarm budget --add` names of the three quantities. */
const ADD_NAMES = { costUsd: 'cost', tokens: 'tokens', modelCalls: 'calls' } as const;

/** What the hint adds when the limit that ran out was 0 (as much again would be nothing). */
const SMALLEST_ADD = { costUsd: 0.25, tokens: 10_000, modelCalls: 1 } as const;

/**
 * How to resume a goal paused for `shortfall`: the `swarm budget` command that adds as much again as the limit
 * that ran out (`SMALLEST_ADD` for a limit of 0; ten minutes for a deadline; one call when too many calls were
 * in flight, since any addition clears the mark). Pure.
 */
export function resumeHintOf(goalId: string, shortfall: BudgetShortfall, limits: BudgetLimits): string {
  const add =
    shortfall === 'deadline'
      ? 'deadline=10m'
      : shortfall === 'reservations'
        ? 'calls=1'
        : `${ADD_NAMES[shortfall]}=${limits[shortfall] || SMALLEST_ADD[shortfall]}`;
  return `swarm budget ${goalId} --add ${add}`;
}

const iso = (epochMs: number | undefined) =>
  epochMs === undefined ? {} : { deadlineAt: new Date(epochMs).toISOString() };

/**
 * The `budget.exhausted` event of a record just marked exhausted, as the task that marked it publishes it: its
 * id counts the goal's exhaustions (`<goalId>/budget.exhausted/<n>`), so a repeat is de-duplicated. Pure.
 * @throws Error when the record is not marked exhausted.
 */
export function budgetExhaustedEvent(task: ExhaustingTask, record: BudgetRecord, now: Date): BudgetExhausted {
  const mark = record.exhausted;
  if (!mark) throw new Error(`goal ${task.goalId}'s budget record is not marked exhausted`);
  const shortfall = mark.shortfall ?? 'modelCalls';
  const exhaustion = exhaustionNumber(record);
  return {
    type: 'budget.exhausted',
    schemaVersion: SCHEMA_VERSION,
    messageId: messageIds.budgetExhausted(task.goalId, exhaustion),
    goalId: task.goalId,
    taskId: task.taskId,
    causationId: task.messageId,
    attempt: Math.max(1, task.attempt),
    timestamp: now.toISOString(),
    queue: task.queue,
    agent: task.agent,
    exhaustion,
    shortfall,
    reason: mark.reason,
    policy: record.onExhausted,
    limits: record.limits,
    spent: record.spent,
    reserved: reservedOf(record),
    left: budgetLeft(record),
    ...iso(record.deadlineAt),
    ...(record.onExhausted === 'pause'
      ? { resumeHint: resumeHintOf(task.goalId, shortfall, record.limits) }
      : {}),
  };
}

/**
 * The `budget.added` event of an addition recorded in `after` (the record it produced; `before` is the record it
 * was added to, whose exhausted mark it cleared). Its id counts the goal's additions. Pure.
 */
export function budgetAddedEvent(
  goalId: string,
  addition: BudgetAddition,
  before: BudgetRecord | undefined,
  after: BudgetRecord,
  now: Date,
): BudgetAdded {
  const count = Math.max(1, after.additions.length);
  const messageId = messageIds.budgetAdded(goalId, count);
  return {
    type: 'budget.added',
    schemaVersion: SCHEMA_VERSION,
    messageId,
    goalId,
    taskId: messageId,
    causationId: before?.exhausted ? messageIds.budgetExhausted(goalId, exhaustionNumber(before)) : null,
    attempt: 1,
    timestamp: now.toISOString(),
    by: addition.by,
    add: addition.add,
    ...(addition.deadlineMs === undefined ? {} : { deadlineMs: addition.deadlineMs }),
    addition: count,
    limits: after.limits,
    spent: after.spent,
    left: budgetLeft(after),
    ...iso(after.deadlineAt),
    ...(before?.exhausted ? { cleared: before.exhausted.reason } : {}),
    resumed: [...(addition.resumed ?? [])],
  };
}
