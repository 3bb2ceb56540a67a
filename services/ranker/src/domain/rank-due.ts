import { isDeepStrictEqual } from 'node:util';
import type { AcceptedGoal, Candidate, RankTask, ScrapeOutcome } from '@swarm/contracts';

/** What the goal's context holds for a rank task: each key is written by one role only (see `roleOfContextKey`). */
export interface RankContext {
  /** `candidates`, written only by the search agent. */
  readonly candidates: readonly Candidate[] | undefined;
  /** `scrape.<i>` for each candidate index, written only by the scraper; undefined where absent. */
  readonly scrapes: readonly (ScrapeOutcome | undefined)[];
  /** `spec`, the goal as the search agent accepted it. */
  readonly spec: AcceptedGoal | undefined;
}

/**
 * Why a rank task is not due, or undefined when the goal's context says it is: the search fanned out candidates,
 * every one of their scrapes has landed in the join, the task's contributions are that join in candidate order,
 * and its query, topN and weights are the accepted goal's. Whoever may publish rank tasks can name any goal; only
 * the context, which other roles wrote, says the goal got this far. Pure.
 */
export function rankTaskNotDue(task: RankTask, context: RankContext): string | undefined {
  const { candidates, scrapes, spec } = context;
  if (!candidates) return `goal ${task.goalId} has no candidates: its search has not fanned out`;
  if (!spec) return `goal ${task.goalId} has no accepted spec`;
  const missing = candidates.flatMap((_, index) => (scrapes[index] === undefined ? [index] : []));
  if (missing.length > 0)
    return `goal ${task.goalId} still waits for ${missing.length} of ${candidates.length} scrapes (scrape.${missing[0]} is absent)`;
  const joined = task.contributions.map((contribution) => contribution.candidateId);
  if (
    !isDeepStrictEqual(
      joined,
      candidates.map((candidate) => candidate.id),
    )
  )
    return `the task's contributions (${joined.join(', ')}) are not the goal's ${candidates.length} candidates in order`;
  const { text, topN, weights } = spec.goal;
  if (task.query !== text || task.topN !== topN || !isDeepStrictEqual(task.weights, weights))
    return `the task's query, topN or weights differ from goal ${task.goalId}'s accepted spec`;
  return undefined;
}
