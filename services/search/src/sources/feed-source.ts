import type { GuardedFetcher } from '@swarm/http-guard';
import { redactUrl } from '@swarm/http-guard';
import { createCorpusIndex } from '../domain/corpus-index.js';
import { feedItemsToPackages, parseFeed } from './feed-parser.js';
import { fetchText } from './http-fetch.js';
import type { SearchSource, SourceHit } from './search-source.js';

/** Options of {@link FeedSource}. */
export interface FeedSourceOptions {
  /** The RSS 2.0 or Atom feed URL; it may carry a key (`?api_key=`), which never leaves this object. */
  readonly url: string;
  /** The guarded fetcher every remote source shares (SSRF guard, redirects, limits). */
  readonly fetcher: GuardedFetcher;
  /** Give up on the feed after this many milliseconds; default 10,000. */
  readonly timeoutMs?: number;
  /** Refuse feeds larger than this many bytes; default 5 MB. */
  readonly maxBytes?: number;
}

/**
 * Searches the items of an RSS 2.0 or Atom feed: fetches the feed on every search, turns its items into packages
 * (`feedItemsToPackages`) and ranks them for the terms with the same BM25+ index as the corpus. Each hit's page
 * to scrape is the item's link. Its name, and every message, shows the URL redacted (`redactUrl`).
 */
export class FeedSource implements SearchSource {
  readonly name: string;
  private readonly url: string;
  private readonly fetcher: GuardedFetcher;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(options: FeedSourceOptions) {
    this.url = options.url;
    this.fetcher = options.fetcher;
    this.name = `feed:${redactUrl(options.url)}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  }

  /** See {@link SearchSource.search}; a malformed feed is a permanent `source-bad-response`. */
  async search(terms: string, limit: number, signal?: AbortSignal): Promise<SourceHit[]> {
    const xml = await fetchText(this.fetcher, this.url, {
      source: this.name,
      timeoutMs: this.timeoutMs,
      maxBytes: this.maxBytes,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
      signal,
    });
    const index = createCorpusIndex(feedItemsToPackages(parseFeed(xml, redactUrl(this.url))));
    return index.search(terms, limit).map(({ pkg, score }) => ({
      pkg,
      score,
      source: this.name,
      pageUrl: pkg.homepage,
    }));
  }
}
