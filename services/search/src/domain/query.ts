import { LIMITS } from '@swarm/contracts';
import { type GoalQuery, parseGoalQuery as analyzeGoalQuery } from '@swarm/corpus';

export { GENERIC_WORDS } from '@swarm/corpus';
export type { GoalQuery } from '@swarm/corpus';

/**
 * Reads a goal's free text with the shared analyzer of `@swarm/corpus` (`parseGoalQuery` there): the search
 * terms, the capability tags it names and the count it asks for, clamped to 1..`LIMITS.topNMax`. Pure.
 */
export function parseGoalQuery(text: string): GoalQuery {
  return analyzeGoalQuery(text, LIMITS.topNMax);
}
