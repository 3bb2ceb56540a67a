import { TaskError } from '@swarm/transport/errors';
import { docsPageUrl } from '../domain/candidates.js';
import type { CorpusIndex } from '../domain/corpus-index.js';
import { createCorpusIndex } from '../domain/corpus-index.js';
import type { PackageRecord } from '../domain/package-record.js';
import { SEARCH_SOURCE_ERROR_CODES } from './errors.js';
import type { SearchSource, SourceHit } from './search-source.js';

/** Options of {@link CorpusSource}. */
export interface CorpusSourceOptions {
  /** The packages to search, e.g. `loadCorpus()` from `@swarm/corpus`. */
  readonly packages: readonly PackageRecord[];
  /**
   * Base URL of the docs server that serves these packages' pages (`startDocsServer`). When set, each hit's
   * page is `<docsBaseUrl>/packages/<id>.html`; otherwise the homepage or repository is scraped.
   */
  readonly docsBaseUrl?: string | undefined;
}

/** Searches an in-memory package set (the shipped corpus) with the BM25+ index of `createCorpusIndex`. */
export class CorpusSource implements SearchSource {
  readonly name = 'corpus';
  private readonly index: CorpusIndex;
  private readonly docsBaseUrl: string | undefined;

  constructor(options: CorpusSourceOptions) {
    this.index = createCorpusIndex(options.packages);
    this.docsBaseUrl = options.docsBaseUrl;
  }

  /** See {@link SearchSource.search}; throws only when `signal` is already aborted. */
  search(terms: string, limit: number, signal?: AbortSignal): Promise<SourceHit[]> {
    if (signal?.aborted === true) {
      return Promise.reject(
        TaskError.retryable(
          SEARCH_SOURCE_ERROR_CODES.aborted,
          'search source corpus was aborted',
          signal.reason,
        ),
      );
    }
    const base = this.docsBaseUrl;
    return Promise.resolve(
      this.index.search(terms, limit).map(({ pkg, score }) => ({
        pkg,
        score,
        source: this.name,
        ...(base === undefined ? {} : { pageUrl: docsPageUrl(base, pkg.id) }),
      })),
    );
  }
}
