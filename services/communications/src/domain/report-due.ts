import { isDeepStrictEqual } from 'node:util';
import type { AcceptedGoal, Ranking, ReportTask } from '@swarm/contracts';
import { ARTIFACTS } from '@swarm/contracts';

/** What the goal holds for a report task: each written by one role only. */
export interface ReportContext {
  /** The goal's ranking artifact (`<goalId>/ranking.json`, written only by the ranker), undefined when absent. */
  readonly ranking: Ranking | undefined;
  /** `spec`, the goal as the search agent accepted it, undefined when absent. */
  readonly spec: AcceptedGoal | undefined;
}

/** The object name of a goal's ranking: the one artifact a report task may name. Pure. */
export function rankingArtifactOf(goalId: string): string {
  return `${goalId}/${ARTIFACTS.ranking}`;
}

/**
 * Why a report task is not due, or undefined when it is: it names its own goal's ranking artifact, which the
 * ranker stored (for this goal and this query), and, when the goal's accepted spec is there, it asks for the
 * approval and the sinks the goal asked for (a task that drops the approval a goal requires is refused). Whoever
 * may publish report tasks can name any goal; the ranking, which only the ranker writes, says the rank stage ran.
 * Pure.
 */
export function reportTaskNotDue(task: ReportTask, context: ReportContext): string | undefined {
  const expected = rankingArtifactOf(task.goalId);
  if (task.rankingArtifact !== expected)
    return `the task names artifact ${task.rankingArtifact}, not goal ${task.goalId}'s ranking ${expected}`;
  const { ranking, spec } = context;
  if (!ranking) return `goal ${task.goalId} has no ranking: its rank stage has not run`;
  if (ranking.goalId !== task.goalId || ranking.query !== task.query)
    return `the ranking ${expected} is for goal ${ranking.goalId} and query "${ranking.query}", not this task's`;
  if (!spec) return undefined;
  if (task.requireApproval !== spec.goal.requireApproval)
    return `the task ${task.requireApproval ? 'asks for' : 'drops'} the approval goal ${task.goalId} ${spec.goal.requireApproval ? 'requires' : 'does not ask for'}`;
  if (!isDeepStrictEqual(task.deliverTo, spec.goal.deliverTo))
    return `the task delivers to ${task.deliverTo?.join(', ') ?? 'every sink'}, goal ${task.goalId} asked for ${spec.goal.deliverTo?.join(', ') ?? 'every sink'}`;
  return undefined;
}
