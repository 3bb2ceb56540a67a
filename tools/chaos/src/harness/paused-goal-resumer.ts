import type { BudgetAmounts, BudgetRecord } from '@swarm/contracts';
import { BudgetRecord as BudgetRecordSchema, CONTEXT_KEYS } from '@swarm/contracts';
import type { BudgetDefaults, SwarmClient } from '@swarm/transport';
import { addToGoalBudget, TRANSPORT_ERROR_CODES } from '@swarm/transport';
import type { BudgetSnapshot } from './budget-audit.js';
import type { GoalLedger } from './goal-ledger.js';

/** How to resume paused goals. */
export interface ResumeOptions {
  /** What each top-up adds. */
  readonly add: Partial<BudgetAmounts>;
  /** Who adds it (kept in the record). */
  readonly by: string;
  /** Give up after this long (the goals still open then are lost). */
  readonly deadlineMs: number;
  /** Pause between two passes over the open goals. */
  readonly pollMs: number;
  /** Most top-ups of one goal (a record keeps at most 100 additions). */
  readonly maxTopUpsPerGoal: number;
}

/** What resuming did. */
export interface ResumeReport {
  /** Goals topped up at least once (each had run out of budget, or had a task parked for it). */
  readonly toppedUp: ReadonlySet<string>;
  readonly topUps: number;
  /** Parked tasks the top-ups replayed. */
  readonly resumedTasks: number;
  /** Each goal's record as it was just before each top-up (spent and limits when it ran out). */
  readonly snapshots: readonly BudgetSnapshot[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A goal's budget record, read through the client (`<goalId>.budget` in the goal context). */
export async function readBudgetRecord(
  client: SwarmClient,
  goalId: string,
): Promise<BudgetRecord | undefined> {
  const goal = await client.goal(goalId);
  return (await goal.get(CONTEXT_KEYS.budget, BudgetRecordSchema))?.value;
}

/**
 * Resumes goals under `pause` the way an operator would: every `pollMs` until each of `goalIds` has ended (per
 * the ledger) or the deadline passes, each open goal whose record is marked exhausted, or that has a task parked
 * for want of budget (a dead letter with reason `budget-exhausted`) no addition resumed yet, gets a top-up through
 * `addToGoalBudget` (which records it and replays the parked tasks). A task parked after a top-up (it was refused
 * just before) gets the next pass's top-up.
 */
export async function resumePausedGoals(
  client: SwarmClient,
  ledger: GoalLedger,
  goalIds: readonly string[],
  defaults: BudgetDefaults,
  options: ResumeOptions,
): Promise<ResumeReport> {
  const deadline = Date.now() + options.deadlineMs;
  const counts = new Map<string, number>();
  const snapshots: BudgetSnapshot[] = [];
  let resumedTasks = 0;
  let topUps = 0;
  for (;;) {
    const open = goalIds.filter((goalId) => ledger.finalOf(goalId) === undefined);
    if (open.length === 0 || Date.now() >= deadline) break;
    const parked = (await client.deadLetters().catch(() => []))
      .filter((record) => record.reason.code === TRANSPORT_ERROR_CODES.budgetExhausted)
      .map((record) => ({ goalId: record.goalId, id: record.messageId }));
    for (const goalId of open) {
      if ((counts.get(goalId) ?? 0) >= options.maxTopUpsPerGoal) continue;
      const record = await readBudgetRecord(client, goalId).catch(() => undefined);
      if (!record) continue;
      const resumed = new Set(record.additions.flatMap((addition) => addition.resumed ?? []));
      const waiting = parked.some((p) => p.goalId === goalId && !resumed.has(p.id));
      if (!record.exhausted && !waiting) continue;
      snapshots.push({ goalId, when: 'before-top-up', record });
      const result = await addToGoalBudget(client, goalId, { by: options.by, add: options.add }, defaults);
      counts.set(goalId, (counts.get(goalId) ?? 0) + 1);
      topUps += 1;
      resumedTasks += result.resumed.length;
    }
    await sleep(options.pollMs);
  }
  return { toppedUp: new Set(counts.keys()), topUps, resumedTasks, snapshots };
}
