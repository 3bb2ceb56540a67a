import type { GoalSpec } from '@swarm/contracts';
import type { SourceFailure } from '../sources/search-all.js';
import type { SearchSource, SourceHit } from '../sources/search-source.js';
import type { QueryPlan } from './query-plan-output.js';

/** What one search found: the terms searched for, the merged hits, the sources that failed, and the model's plan. */
export interface SearchFindings {
  /** The search terms, space-separated (for events and logs); empty when the goal names nothing to search for. */
  readonly terms: string;
  /** Merged hits of the sources that answered, best first. */
  readonly hits: SourceHit[];
  /** Sources that failed while others answered. */
  readonly failures: SourceFailure[];
  /** The model's structured query plan (absent for the builtin brain). */
  readonly plan?: QueryPlan;
}

/**
 * The search agent's thinking: turns a goal into a search over the configured sources. The goal handler gets
 * one through DI (`TOKENS.brain`) and never knows which implementation it has.
 */
export interface SearchBrain {
  /**
   * Searches `sources` for the packages `goal` asks for.
   * @throws the failure of a source when no source answered (a retryable `TaskError` first, so the task is
   * retried); a model brain also throws `ModelOutputError` / `ModelCallError` for the transport to settle.
   */
  search(goal: GoalSpec, sources: readonly SearchSource[], signal?: AbortSignal): Promise<SearchFindings>;
}
