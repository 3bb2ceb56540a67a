import type { GoalFeedEvent, GoalView } from '../api/gateway-operations.js';

/** Where a goal stands, as the MCP tools and the A2A task report it. */
export type GoalPhase =
  'submitted' | 'running' | 'awaiting-approval' | 'awaiting-budget' | 'completed' | 'failed';

/** Phases in which the goal waits for a human: an approval of its report, or an addition to its budget. */
const WAITING: readonly GoalPhase[] = ['awaiting-approval', 'awaiting-budget'];

/** A goal's phase plus how it ended (`outcome`, e.g. `delivered` or `rejected`) and a one-line summary. */
export interface GoalProgress {
  readonly phase: GoalPhase;
  readonly outcome: string | undefined;
  readonly summary: string | undefined;
}

const ENDED: readonly GoalPhase[] = ['completed', 'failed'];

/** True once the goal has completed or failed: nothing moves it again. Pure. */
export function hasEnded(progress: GoalProgress): boolean {
  return ENDED.includes(progress.phase);
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The phase a goal view reports (`GET /goals/{id}`'s `state`): a state the swarm does not know yet
 * (`unknown`, no event read) reads as `submitted`. Pure.
 */
export function progressOfView(view: GoalView): GoalProgress {
  const phase = view.state === 'unknown' ? 'submitted' : view.state;
  return { phase, outcome: view.outcome, summary: view.summary };
}

/**
 * The progress after one event of the goal's feed. An ended goal stays ended; a `goal.completed` or
 * `goal.failed` ends it only when the feed marks it trusted (`terminal`), as the CLI's board does;
 * a task event while the goal waits for approval (the report task's own events) or for budget (a `budget.exhausted`
 * under `pause` until a `budget.added`) does not end the wait. Pure.
 */
export function advanceProgress(current: GoalProgress, event: GoalFeedEvent): GoalProgress {
  if (hasEnded(current)) return current;
  const at = (phase: GoalPhase): GoalProgress => ({ ...current, phase });
  switch (event.type) {
    case 'goal.submitted':
      return current;
    case 'goal.completed':
      if (!event.terminal) return current;
      return {
        phase: 'completed',
        outcome: str(event.body['outcome']),
        summary: str(event.body['summary']),
      };
    case 'goal.failed': {
      if (!event.terminal) return current;
      const reason = event.body['reason'] as { message?: unknown } | undefined;
      return { phase: 'failed', outcome: 'failed', summary: str(reason?.message) };
    }
    case 'approval.requested':
      return at('awaiting-approval');
    case 'approval.granted':
    case 'approval.rejected':
    case 'budget.added':
      return at('running');
    case 'budget.exhausted':
      return event.body['policy'] === 'pause' ? at('awaiting-budget') : current;
    default:
      return WAITING.includes(current.phase) ? current : at('running');
  }
}

/** The highest event sequence a goal view's timeline shows (0 when it shows none): where to follow from. Pure. */
export function lastSeqOf(view: GoalView): number {
  return view.timeline.reduce((max, entry) => Math.max(max, entry.seq), 0);
}
