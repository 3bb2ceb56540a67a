import type { AcceptedGoal, Ranking, ReportTask } from '@swarm/contracts';
import { messageIds, SCHEMA_VERSION } from '@swarm/contracts';
import { rankingArtifactOf } from '../domain/index.js';

/** Why a parked goal is resumed: a decision key (its KV revision) or the deadline. */
export type ResumeTrigger = { readonly kind: 'decision'; readonly revision: number } | { readonly kind: 'expiry' };

/** The trigger's token in the resume task's id. Pure. */
export function triggerToken(trigger: ResumeTrigger): string {
  return trigger.kind === 'expiry' ? 'expiry' : `decision-${trigger.revision}`;
}

/** Whether a report task is a resume (any id but the ranker's `<goalId>/report`). Pure. */
export function isResume(task: Pick<ReportTask, 'goalId' | 'messageId'>): boolean {
  return task.messageId !== messageIds.reportTask(task.goalId);
}

/**
 * The report task that resumes a goal parked for approval: the task the ranker sent (same query, ranking,
 * approval and sinks, taken from the ranking and the accepted goal) under the id `<goalId>/report.resume/<trigger>`,
 * so every replica that sees the same trigger publishes the same message and the stream keeps one. Pure.
 */
export function resumeTask(
  goalId: string,
  trigger: ResumeTrigger,
  ranking: Pick<Ranking, 'query'>,
  spec: Pick<AcceptedGoal, 'goal'> | undefined,
  now: Date,
): ReportTask {
  const id = messageIds.reportResume(goalId, triggerToken(trigger));
  const deliverTo = spec?.goal.deliverTo;
  return {
    type: 'task.report',
    schemaVersion: SCHEMA_VERSION,
    messageId: id,
    goalId,
    taskId: id,
    causationId: messageIds.approvalRequested(goalId),
    attempt: 1,
    timestamp: now.toISOString(),
    query: ranking.query,
    rankingArtifact: rankingArtifactOf(goalId),
    requireApproval: true,
    ...(deliverTo ? { deliverTo } : {}),
  };
}
