import { randomUUID } from 'node:crypto';
import type { AgentExecutionEvent } from '@a2a-js/sdk/server';
import { AgentEvent } from '@a2a-js/sdk/server';
import type { GatewayOperations, GoalFeedEvent, GoalView } from '../api/gateway-operations.js';
import type { GoalProgress } from './goal-progress.js';
import { advanceProgress, hasEnded, lastSeqOf, progressOfView } from './goal-progress.js';
import { reportOf } from './swarm-task-store.js';
import { reportUpdateOf, statusUpdateOf } from './task-mapping.js';

/** Whether following stops when the goal starts waiting for approval (the SDK's live queue ends there). */
export interface FollowOptions {
  readonly untilInputRequired: boolean;
}

const stops = (progress: GoalProgress, options: FollowOptions) =>
  hasEnded(progress) ||
  (options.untilInputRequired &&
    (progress.phase === 'awaiting-approval' || progress.phase === 'awaiting-budget'));

const timeOf = (event: GoalFeedEvent): string => {
  const timestamp = event.body['timestamp'];
  return typeof timestamp === 'string' ? timestamp : new Date().toISOString();
};

/**
 * Follows a goal from where `view` saw it and yields an A2A status update each time its phase changes; when it
 * completes with a report, the report's artifact update comes just before the final status. Ends at the goal's
 * end (or at input-required with `untilInputRequired`), or when `signal` aborts.
 */
export async function* goalUpdates(
  operations: GatewayOperations,
  view: GoalView,
  signal: AbortSignal,
  options: FollowOptions,
): AsyncGenerator<AgentExecutionEvent> {
  const goalId = view.goalId;
  let progress = progressOfView(view);
  if (stops(progress, options)) return;
  try {
    for await (const event of operations.followGoal(goalId, lastSeqOf(view), signal)) {
      const next = advanceProgress(progress, event);
      if (next.phase === progress.phase) continue;
      progress = next;
      if (progress.phase === 'completed') {
        const report = await reportOf(operations, goalId);
        if (report !== undefined) yield AgentEvent.artifactUpdate(reportUpdateOf(goalId, report));
      }
      yield AgentEvent.statusUpdate(statusUpdateOf(goalId, progress, timeOf(event), randomUUID()));
      if (stops(progress, options)) return;
    }
  } catch (error) {
    // The caller went away (its request closed): nobody is listening, so there is nothing to report.
    if (!signal.aborted) throw error;
  }
}
