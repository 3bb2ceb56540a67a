import type { Ranking } from '@swarm/contracts';
import { rankCandidates, type RankInput } from '../domain/rank-candidates.js';
import type { RankerBrain } from './ranker-brain.js';

/** The deterministic ranker: every component measured by `rankCandidates` (no model, no network). */
export class BuiltinRankerBrain implements RankerBrain {
  /** @throws TaskError (permanent) `invalid-weights` or `invalid-input`, as `rankCandidates` (a rejection). */
  rank(input: RankInput): Promise<Ranking> {
    return new Promise((resolve) => resolve(rankCandidates(input)));
  }
}
