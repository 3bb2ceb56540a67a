import { isDeepStrictEqual } from 'node:util';
import type { Candidate, ScrapeTask } from '@swarm/contracts';

/**
 * Why a scrape task is not due, or undefined when it is: the goal's `candidates` (written only by the search
 * agent) exist, count `candidateCount`, and hold this very candidate at `candidateIndex`. Whoever may publish
 * scrape tasks can name any goal and any page; only the search's own record says which pages a goal fans out to.
 * Pure.
 */
export function scrapeTaskNotDue(
  task: ScrapeTask,
  candidates: readonly Candidate[] | undefined,
): string | undefined {
  if (!candidates) return `goal ${task.goalId} has no candidates: its search has not fanned out`;
  if (candidates.length !== task.candidateCount)
    return `the task counts ${task.candidateCount} candidates, goal ${task.goalId}'s search fanned out ${candidates.length}`;
  const expected = candidates[task.candidateIndex];
  if (!isDeepStrictEqual(expected, task.candidate))
    return `candidate ${task.candidateIndex} of goal ${task.goalId} is ${expected?.id ?? 'absent'}, not ${task.candidate.id} (${task.candidate.url})`;
  return undefined;
}
