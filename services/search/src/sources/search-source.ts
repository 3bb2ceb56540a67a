import type { ScoredPackage } from '../domain/package-record.js';

/** A package a source found for the terms, with the source's own relevance score (higher is better). */
export interface SourceHit extends ScoredPackage {
  /** The name of the source that found it (see `sourceName`). */
  readonly source: string;
}

/** Somewhere to search for packages: the shipped corpus, an RSS/Atom feed, a remote search API. */
export interface SearchSource {
  /** A stable name for logs and hits, e.g. `corpus` or `feed:https://example.test/feed.xml`. */
  readonly name: string;
  /**
   * The best `limit` packages for the search terms, best first; an empty list when nothing matches.
   * @throws TaskError — retryable for timeouts, unreachable sources and 5xx/429; permanent for other 4xx and
   * malformed answers (codes in `SEARCH_SOURCE_ERROR_CODES`).
   */
  search(terms: string, limit: number, signal?: AbortSignal): Promise<SourceHit[]>;
}
