import type { Ranking } from '@swarm/contracts';
import type { RankInput } from '../domain/rank-candidates.js';

/**
 * The ranker's thinking: scores a goal's candidates and orders them. The handler gets one through DI
 * (`TOKENS.brain`) and never knows which: `BuiltinRankerBrain` measures every component, `ModelRankerBrain`
 * has a model grade relevance and measures the rest.
 */
export interface RankerBrain {
  /**
   * The ranking of `input.candidates`, best first, with a rationale per score component.
   * @throws TaskError (permanent) `invalid-weights` or `invalid-input` for an unusable input.
   * @throws ModelOutputError / ModelCallError from a model-backed brain (the transport settles them).
   */
  rank(input: RankInput, signal?: AbortSignal): Promise<Ranking>;
}
