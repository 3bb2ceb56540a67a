import type { GoalEvent } from './goal-timeline.js';

/** Where one goal stands in `swarm dev`'s running tally. */
export type TallyState =
  'submitted' | 'running' | 'awaiting-approval' | 'awaiting-budget' | 'delivered' | 'failed' | 'other-end';

/** How many goals stand where, as `swarm dev` shows them. */
export interface GoalTallyCounts {
  /** Every goal seen (each is counted once more under where it stands). */
  readonly submitted: number;
  readonly running: number;
  readonly awaitingApproval: number;
  /** Paused: their budget ran out under `pause` and no one has added to it yet. */
  readonly awaitingBudget: number;
  readonly delivered: number;
  readonly failed: number;
  /** Ended without a delivery: nothing found, rejected, approval expired. */
  readonly otherEnd: number;
}

const ENDED: readonly TallyState[] = ['delivered', 'failed', 'other-end'];

/** The state a goal moves to on `event`, from `current`; an ended goal stays ended. Pure. */
export function nextTallyState(current: TallyState | undefined, event: GoalEvent): TallyState {
  if (current && ENDED.includes(current)) return current;
  switch (event.type) {
    case 'goal.submitted':
      return current ?? 'submitted';
    case 'goal.failed':
      return 'failed';
    case 'goal.completed':
      return event.body['outcome'] === 'delivered' ? 'delivered' : 'other-end';
    case 'approval.requested':
      return 'awaiting-approval';
    case 'approval.granted':
    case 'approval.rejected':
    case 'budget.added':
      return 'running';
    case 'budget.exhausted':
      return event.body['policy'] === 'pause' ? 'awaiting-budget' : (current ?? 'running');
    default:
      // A task event while waiting for approval (the report task's own events) or for budget (the parked task's
      // failure, other tasks finishing) does not end the wait.
      return current === 'awaiting-approval' || current === 'awaiting-budget' ? current : 'running';
  }
}

/** A running tally of the goals on the events stream, fed one honoured event at a time. */
export class GoalTally {
  private readonly states = new Map<string, TallyState>();

  /** Applies one event of goal `goalId`; returns true when the counts changed. */
  apply(goalId: string, event: GoalEvent): boolean {
    const before = this.states.get(goalId);
    const after = nextTallyState(before, event);
    this.states.set(goalId, after);
    return before !== after;
  }

  /** The counts now. */
  counts(): GoalTallyCounts {
    const of = (state: TallyState) => [...this.states.values()].filter((s) => s === state).length;
    return {
      submitted: this.states.size,
      running: of('running') + of('submitted'),
      awaitingApproval: of('awaiting-approval'),
      awaitingBudget: of('awaiting-budget'),
      delivered: of('delivered'),
      failed: of('failed'),
      otherEnd: of('other-end'),
    };
  }
}
