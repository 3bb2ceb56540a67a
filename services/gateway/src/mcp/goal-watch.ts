import type { GatewayOperations, GoalView } from '../api/gateway-operations.js';
import { advanceProgress, hasEnded, lastSeqOf, progressOfView } from '../a2a/goal-progress.js';

/**
 * Waits up to `waitMs` for the goal to leave the phase `view` shows (a new phase, or its end), following its
 * events from where the view saw it. Resolves true when it moved, false on time-out, at an ended goal, or when
 * `signal` aborts (the MCP request was cancelled).
 */
export async function waitForGoalChange(
  operations: GatewayOperations,
  view: GoalView,
  waitMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  const start = progressOfView(view);
  if (hasEnded(start) || waitMs <= 0) return false;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), waitMs);
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    let progress = start;
    for await (const event of operations.followGoal(view.goalId, lastSeqOf(view), stop.signal)) {
      progress = advanceProgress(progress, event);
      if (progress.phase !== start.phase) return true;
    }
    return false;
  } catch (error) {
    if (stop.signal.aborted) return false;
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    stop.abort();
  }
}
