import type { GuardedFetcher } from '@swarm/http-guard';
import { redactUrl } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import { z } from 'zod';
import type { PackageRecord } from '../domain/package-record.js';
import { packageIdFromName } from '../domain/package-record.js';
import { SEARCH_SOURCE_ERROR_CODES } from './errors.js';
import { fetchText } from './http-fetch.js';
import { cleanKeywords, isWebUrl, toIsoDate } from './record-fields.js';
import type { SearchSource, SourceHit } from './search-source.js';

const webUrl = z.url({ protocol: /^https?$/ });

/**
 * One result of a remote search API. Unknown fields are ignored; `score` (higher is better) is optional and
 * used only when every result has one, otherwise results score by rank (1, 1/2, 1/3, ...).
 */
export const HttpSearchResult = z.object({
  name: z.string().trim().min(1).max(214),
  summary: z.string().max(20_000),
  url: webUrl,
  keywords: z.array(z.string()).max(500).optional(),
  monthlyDownloads: z.number().min(0).optional(),
  license: z.string().max(100).optional(),
  version: z.string().max(64).optional(),
  lastPublished: z.string().max(64).optional(),
  homepage: webUrl.optional(),
  repository: z.string().max(500).optional(),
  score: z.number().min(0).optional(),
});
/** One result of a remote search API. */
export type HttpSearchResult = z.infer<typeof HttpSearchResult>;

/** The body a remote search API answers `GET <endpoint>?q=<terms>&limit=<n>` with. */
export const HttpSearchResponse = z.object({ results: z.array(HttpSearchResult).max(1_000) });
/** The body a remote search API answers with. */
export type HttpSearchResponse = z.infer<typeof HttpSearchResponse>;

/** Options of {@link HttpSource}. */
export interface HttpSourceOptions {
  /**
   * The search endpoint; `q` and `limit` are added to its query string. It may carry a key (`?api_key=`),
   * which never leaves this object.
   */
  readonly endpoint: string;
  /** The guarded fetcher every remote source shares (SSRF guard, redirects, limits). */
  readonly fetcher: GuardedFetcher;
  /** Give up after this many milliseconds; default 10,000. */
  readonly timeoutMs?: number;
  /** Refuse answers larger than this many bytes; default 2 MB. */
  readonly maxBytes?: number;
}

function toPackage(result: HttpSearchResult): PackageRecord {
  return {
    id: packageIdFromName(result.name),
    name: result.name,
    summary: result.summary.replace(/\s+/g, ' ').trim().slice(0, 2_000),
    keywords: cleanKeywords(result.keywords ?? []),
    monthlyDownloads: Math.round(result.monthlyDownloads ?? 0),
    license: result.license,
    version: result.version,
    lastPublished: toIsoDate(result.lastPublished),
    homepage: result.homepage ?? result.url,
    repository: isWebUrl(result.repository) ? result.repository : undefined,
    features: [],
  };
}

/**
 * Searches a remote JSON search API: `GET <endpoint>?q=<terms>&limit=<n>` answering {@link HttpSearchResponse}.
 * Each hit's page to scrape is the result's `url`. Its name, and every message, shows the endpoint redacted.
 */
export class HttpSource implements SearchSource {
  readonly name: string;
  private readonly endpoint: string;
  private readonly fetcher: GuardedFetcher;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(options: HttpSourceOptions) {
    this.endpoint = options.endpoint;
    this.fetcher = options.fetcher;
    this.name = `http:${redactUrl(options.endpoint)}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  }

  /** See {@link SearchSource.search}; invalid JSON or a body of the wrong shape is a permanent `source-bad-response`. */
  async search(terms: string, limit: number, signal?: AbortSignal): Promise<SourceHit[]> {
    const url = new URL(this.endpoint);
    url.searchParams.set('q', terms);
    url.searchParams.set('limit', String(limit));
    const body = await fetchText(this.fetcher, url.href, {
      source: this.name,
      timeoutMs: this.timeoutMs,
      maxBytes: this.maxBytes,
      accept: 'application/json',
      signal,
    });
    const results = this.parse(body, redactUrl(url)).slice(0, Math.max(0, limit));
    const scored = results.every((r) => r.score !== undefined);
    return results.map((result, rank) => ({
      pkg: toPackage(result),
      score: scored ? (result.score ?? 0) : 1 / (rank + 1),
      source: this.name,
      pageUrl: result.url,
    }));
  }

  private parse(body: string, url: string): HttpSearchResult[] {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw TaskError.permanent(
        SEARCH_SOURCE_ERROR_CODES.badResponse,
        `search source ${this.name} answered ${url} with a body that is not JSON`,
        error,
      );
    }
    const parsed = HttpSearchResponse.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw TaskError.permanent(
        SEARCH_SOURCE_ERROR_CODES.badResponse,
        `search source ${this.name} answered ${url} with an invalid body at "${issue?.path.join('.') ?? ''}": ` +
          `${issue?.message ?? 'unknown issue'}`,
        parsed.error,
      );
    }
    return parsed.data.results;
  }
}
