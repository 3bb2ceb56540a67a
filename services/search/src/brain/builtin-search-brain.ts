import type { GoalSpec } from '@swarm/contracts';
import { LIMITS } from '@swarm/contracts';
import { parseGoalQuery } from '../domain/query.js';
import { searchAll } from '../sources/search-all.js';
import type { SearchSource } from '../sources/search-source.js';
import type { SearchBrain, SearchFindings } from './search-brain.js';

/**
 * The deterministic search: `parseGoalQuery` reads the terms from the goal's text, and `searchAll` asks every
 * source for `LIMITS.candidatesMax` hits and merges them. A goal that names nothing searches nothing.
 */
export class BuiltinSearchBrain implements SearchBrain {
  /** See {@link SearchBrain.search}. */
  async search(
    goal: GoalSpec,
    sources: readonly SearchSource[],
    signal?: AbortSignal,
  ): Promise<SearchFindings> {
    const { terms } = parseGoalQuery(goal.text);
    if (terms === '') return { terms, hits: [], failures: [] };
    const { hits, failures } = await searchAll(sources, terms, LIMITS.candidatesMax, signal);
    return { terms, hits, failures };
  }
}
