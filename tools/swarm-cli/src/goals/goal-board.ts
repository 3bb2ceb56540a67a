import type { GoalEvent } from './goal-timeline.js';

/** Where one goal stands on the board. */
export type BoardState = 'open' | 'awaiting-approval' | 'completed' | 'failed';

/** One goal on the board. */
export interface GoalRow {
  readonly goalId: string;
  readonly text: string | undefined;
  readonly state: BoardState;
  readonly submittedAt: Date;
  readonly endedAt: Date | undefined;
  /** Seconds from submission to its end, or to `now` while it is not ended. */
  readonly ageSeconds: number;
}

/** The goal-level events the board is built from, each read from the events stream. */
export interface BoardEvents {
  readonly submitted: readonly GoalEvent[];
  readonly completed: readonly GoalEvent[];
  readonly failed: readonly GoalEvent[];
  readonly approvalRequested: readonly GoalEvent[];
  readonly approvalDecided: readonly GoalEvent[];
}

const goalIdOf = (event: GoalEvent) =>
  typeof event.body['goalId'] === 'string' ? event.body['goalId'] : undefined;

/** The first time each goal id appears among `events`. Pure. */
function firstByGoal(events: readonly GoalEvent[]): Map<string, GoalEvent> {
  const byGoal = new Map<string, GoalEvent>();
  for (const event of events) {
    const goalId = goalIdOf(event);
    if (goalId !== undefined && !byGoal.has(goalId)) byGoal.set(goalId, event);
  }
  return byGoal;
}

/**
 * One row per submitted goal (a goal submitted again counts once, from its first submission), oldest first:
 * ended (completed or failed), waiting for a human (approval requested, not decided), or open. Pure.
 */
export function buildGoalBoard(events: BoardEvents, now: Date): GoalRow[] {
  const completed = firstByGoal(events.completed);
  const failed = firstByGoal(events.failed);
  const requested = firstByGoal(events.approvalRequested);
  const decided = firstByGoal(events.approvalDecided);
  return [...firstByGoal(events.submitted)]
    .map(([goalId, submission]) => {
      const end = completed.get(goalId) ?? failed.get(goalId);
      let state: BoardState = 'open';
      if (completed.has(goalId)) state = 'completed';
      else if (failed.has(goalId)) state = 'failed';
      else if (requested.has(goalId) && !decided.has(goalId)) state = 'awaiting-approval';
      const goal = submission.body['goal'] as { text?: unknown } | undefined;
      return {
        goalId,
        text: typeof goal?.text === 'string' ? goal.text : undefined,
        state,
        submittedAt: submission.time,
        endedAt: end?.time,
        ageSeconds: ((end?.time ?? now).getTime() - submission.time.getTime()) / 1_000,
      };
    })
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/** Goals not ended that were submitted more than `olderThanSeconds` ago. Awaiting approval counts. Pure. */
export function staleGoals(rows: readonly GoalRow[], olderThanSeconds: number): GoalRow[] {
  return rows.filter(
    (row) => (row.state === 'open' || row.state === 'awaiting-approval') && row.ageSeconds > olderThanSeconds,
  );
}
