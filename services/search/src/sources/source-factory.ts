import type { PackageRecord } from '../domain/package-record.js';
import { CorpusSource } from './corpus-source.js';
import { FeedSource } from './feed-source.js';
import { HttpSource } from './http-source.js';
import type { SearchSource } from './search-source.js';
import type { SourceSpec } from './source-config.js';

/** What the sources need besides their spec. */
export interface SearchSourceDeps {
  /** The packages the `corpus` source searches (`loadCorpus()`). */
  readonly corpus: readonly PackageRecord[];
  /** Base URL of the docs server serving the corpus pages; see `CorpusSourceOptions.docsBaseUrl`. */
  readonly docsBaseUrl?: string | undefined;
  /** Timeout of each remote (feed, http) search, in milliseconds; default 10,000. */
  readonly timeoutMs?: number | undefined;
}

/** One search source per spec, in the spec order (the corpus index is built here, once). */
export function createSearchSources(specs: readonly SourceSpec[], deps: SearchSourceDeps): SearchSource[] {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  return specs.map((spec) => {
    switch (spec.kind) {
      case 'corpus':
        return new CorpusSource({ packages: deps.corpus, docsBaseUrl: deps.docsBaseUrl });
      case 'feed':
        return new FeedSource({ url: spec.url, timeoutMs });
      case 'http':
        return new HttpSource({ endpoint: spec.endpoint, timeoutMs });
    }
  });
}
