import { TaskError } from '@swarm/transport/errors';
import { mergeHits } from './merge-hits.js';
import type { SearchSource, SourceHit } from './search-source.js';

/** A source that failed while the others answered. */
export interface SourceFailure {
  readonly source: string;
  readonly error: unknown;
}

/** The merged outcome of searching several sources. */
export interface SearchOutcome {
  /** Merged hits of the sources that answered, best first (see `mergeHits`). */
  readonly hits: SourceHit[];
  /** Sources that failed; the search still succeeds while at least one source answered. */
  readonly failures: SourceFailure[];
}

/**
 * Searches all sources at once, each for `limit` hits, and merges what they found.
 * @throws the failure of a source when every source failed: the first retryable one if any (so the task is
 * retried), else the first one. A non-`TaskError` failure is rethrown as it is.
 */
export async function searchAll(
  sources: readonly SearchSource[],
  terms: string,
  limit: number,
  signal?: AbortSignal,
): Promise<SearchOutcome> {
  const settled = await Promise.allSettled(sources.map((source) => source.search(terms, limit, signal)));
  const lists: SourceHit[][] = [];
  const failures: SourceFailure[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') lists.push(outcome.value);
    else failures.push({ source: sources[i]?.name ?? `source ${i + 1}`, error: outcome.reason });
  });
  if (lists.length === 0 && failures.length > 0) {
    const retryable = failures.find((f) => f.error instanceof TaskError && f.error.retryable);
    throw (retryable ?? failures[0])?.error;
  }
  return { hits: mergeHits(lists), failures };
}
