import type { GoalOutcome, Ranking } from '@swarm/contracts';

/**
 * The outcome of a goal whose report was approved or needed no approval: `nothing-found` when the ranking is empty
 * (no candidate cleared the ranker's relevance floor; the report, which says so and lists the closest misses,
 * still goes to the sinks), `delivered` otherwise. Pure.
 */
export function reportOutcome(ranking: Ranking): Extract<GoalOutcome, 'delivered' | 'nothing-found'> {
  return ranking.ranked.length === 0 ? 'nothing-found' : 'delivered';
}
