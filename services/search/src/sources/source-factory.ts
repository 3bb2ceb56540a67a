import type { GuardedFetcher } from '@swarm/http-guard';
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
  /** The guarded fetcher the remote (feed, http) sources share; required when the specs name one. */
  readonly fetcher?: GuardedFetcher | undefined;
  /** Timeout of each remote (feed, http) exchange, in milliseconds; default 10,000. */
  readonly timeoutMs?: number | undefined;
  /** Largest feed body, in bytes; default 5 MiB. */
  readonly feedMaxBytes?: number | undefined;
  /** Largest search API answer, in bytes; default 2 MiB. */
  readonly httpMaxBytes?: number | undefined;
}

/**
 * One search source per spec, in the spec order (the corpus index is built here, once). Throws a TypeError when
 * a remote source is configured without a fetcher (a wiring mistake, not a setting).
 */
export function createSearchSources(specs: readonly SourceSpec[], deps: SearchSourceDeps): SearchSource[] {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const fetcher = (): GuardedFetcher => {
    if (deps.fetcher === undefined) throw new TypeError('remote search sources need a guarded fetcher');
    return deps.fetcher;
  };
  return specs.map((spec) => {
    switch (spec.kind) {
      case 'corpus':
        return new CorpusSource({ packages: deps.corpus, docsBaseUrl: deps.docsBaseUrl });
      case 'feed':
        return new FeedSource({
          url: spec.url,
          fetcher: fetcher(),
          timeoutMs,
          ...(deps.feedMaxBytes === undefined ? {} : { maxBytes: deps.feedMaxBytes }),
        });
      case 'http':
        return new HttpSource({
          endpoint: spec.endpoint,
          fetcher: fetcher(),
          timeoutMs,
          ...(deps.httpMaxBytes === undefined ? {} : { maxBytes: deps.httpMaxBytes }),
        });
    }
  });
}
