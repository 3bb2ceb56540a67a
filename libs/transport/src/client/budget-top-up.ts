import type { BudgetAdded, BudgetAddition, BudgetAmounts, BudgetRecord } from '@swarm/contracts';
import { budgetAddedEvent } from '../context/budget-events.js';
import { TRANSPORT_ERROR_CODES } from '../errors.js';
import type { BudgetDefaults } from '../context/goal-budget-ledger.js';
import { GoalBudgetLedger } from '../context/goal-budget-ledger.js';
import type { SwarmClient } from './swarm-client.js';

/** What a human adds to a goal's budget. */
export interface BudgetTopUp {
  /** Who adds it (the CLI's user), kept in the record. */
  readonly by: string;
  readonly add: Partial<BudgetAmounts>;
  /** Milliseconds added to the deadline (from now, when it has passed). */
  readonly deadlineMs?: number;
  /**
   * The client's idempotency key: an addition by the same `by` with a key the goal's record already holds adds
   * nothing, publishes nothing and resumes nothing (a retried request; `repeated` in the result).
   */
  readonly key?: string;
}

/** The outcome of a top-up: the record now stored, the parked tasks it put back to work, its audit event. */
export interface BudgetTopUpResult {
  readonly record: BudgetRecord;
  readonly resumed: readonly string[];
  /** The `budget.added` event published for it (none for a repeated key). */
  readonly event: BudgetAdded | undefined;
  /** False when the event could not be published (the addition and the resumes stand; the record is the trail). */
  readonly announced: boolean;
  /** True when the addition's key was already recorded by the same `by`: nothing was added; `record` is as stored. */
  readonly repeated: boolean;
}

/**
 * Adds to a goal's budget (`swarm budget <goal> --add`) and resumes the goal: the addition, with who made it and
 * the tasks it resumes, goes into the goal's budget record by compare-and-set (clearing its exhausted mark);
 * then every task parked for want of budget (a dead letter of the goal with reason `budget-exhausted` that no
 * earlier addition resumed) is replayed onto its queue, after its `budget.added` event (who added what, the
 * exhaustion it cleared, the tasks it resumes) is published. A parked task holds no work slot meanwhile.
 * @throws ReplayRefusedError when a parked record cannot be replayed (the addition stands).
 */
export async function addToGoalBudget(
  client: SwarmClient,
  goalId: string,
  topUp: BudgetTopUp,
  defaults: BudgetDefaults,
): Promise<BudgetTopUpResult> {
  const ledger = new GoalBudgetLedger(await client.goal(goalId), defaults);
  const before = await ledger.read();
  const done = new Set((before?.additions ?? []).flatMap((addition) => addition.resumed ?? []));
  // One id once: a parked task whose leftover delivery was parked again past the duplicate window has two records.
  const parked = [
    ...new Set(
      (await client.deadLetters())
        .filter(
          (record) =>
            record.goalId === goalId && record.reason.code === TRANSPORT_ERROR_CODES.budgetExhausted,
        )
        .map((record) => record.messageId)
        .filter((id) => !done.has(id)),
    ),
  ];
  const addition: BudgetAddition = {
    by: topUp.by,
    at: new Date().toISOString(),
    add: topUp.add,
    ...(topUp.deadlineMs === undefined ? {} : { deadlineMs: topUp.deadlineMs }),
    ...(parked.length > 0 ? { resumed: parked } : {}),
    ...(topUp.key === undefined ? {} : { key: topUp.key }),
  };
  const { before: changed, record, repeated, addition: stored } = await ledger.record(addition);
  if (repeated) return { record, resumed: [], event: undefined, announced: false, repeated };
  const resumes = stored.resumed ?? [];
  const event = budgetAddedEvent(goalId, stored, changed, record, new Date());
  // The addition stands once recorded: a failed publish of its audit event must not keep the parked tasks parked.
  const announced = await client
    .publish({ subject: client.topology.eventSubject(goalId, 'budget.added'), message: event })
    .then(
      () => true,
      () => false,
    );
  for (const id of resumes) await client.replayDeadLetter(id);
  return { record, resumed: resumes, event, announced, repeated };
}
