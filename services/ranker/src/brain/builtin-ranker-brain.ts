import type { Ranking } from '@swarm/contracts';
import type { TermStats } from '@swarm/corpus';
import { rankCandidates, type RankInput } from '../domain/rank-candidates.js';
import type { RankerBrain } from './ranker-brain.js';

/** The deterministic ranker: every component measured by `rankCandidates` (no model, no network). */
export class BuiltinRankerBrain implements RankerBrain {
  /**
   * @param termStats how the domain's packages use words (`corpusTermStats()`), given to every ranking whose
   *   input has none, so a goal's rare words weigh more than its common ones.
   */
  constructor(private readonly termStats?: TermStats) {}

  /** @throws TaskError (permanent) `invalid-weights` or `invalid-input`, as `rankCandidates` (a rejection). */
  rank(input: RankInput): Promise<Ranking> {
    const termStats = input.termStats ?? this.termStats;
    return new Promise((resolve) => resolve(rankCandidates(termStats ? { ...input, termStats } : input)));
  }
}
