import type { GuardedFetcher, GuardedRequest, ResolveHost } from '@swarm/http-guard';
import { createGuardedFetch, redactUrl } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import { SCRAPE_ERROR_CODES } from '../domain/errors.js';
import { decodeHtml, mediaTypeOf } from './charset-decoder.js';
import { statusFailure } from './fetch-failure.js';
import { FETCH_POLICY_ENV } from './fetch-policy.js';
import type { FetchPolicy } from './fetch-policy.js';
import { RobotsCache } from './robots-cache.js';
import type { RobotsResponse } from './robots-cache.js';

/** A fetched page: the URL asked for, where it ended after redirects, and its decoded body. */
export interface FetchedPage {
  /** The requested URL, normalized. */
  readonly url: string;
  /** The URL of the final response, after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** The Content-Type header of the final response, as sent. */
  readonly contentType: string;
  /** The body decoded to text (see `decodeHtml` for how the charset is chosen). */
  readonly body: string;
  /** Body size in bytes after content decoding (what counts against `maxBytes`). */
  readonly bytes: number;
}

/** Seams for tests. */
export interface PageFetcherOptions {
  /** Host name resolution (default: the system resolver). Every address it returns is checked. */
  readonly resolve?: ResolveHost;
  /** Clock for the robots.txt cache. */
  readonly now?: () => number;
}

/**
 * Fetches HTML pages safely through the shared guarded fetcher of `@swarm/http-guard`: every connection goes
 * only to addresses the SSRF guard allows (checked on the resolved address actually connected to, on every
 * redirect hop), redirects are followed by hand up to the limit, each exchange has a timeout, bodies are
 * streamed and cut at the size limit, and at most `perHostConcurrency` exchanges run per host:port. On top of
 * it: robots.txt is honoured on every hop and only the allowed content types are read. Every failure is a
 * TaskError whose code is in `SCRAPE_ERROR_CODES` and whose `retryable` flag says whether a retry can help.
 * Create one per process and `close()` it on shutdown.
 */
export class PageFetcher {
  private readonly http: GuardedFetcher;
  private readonly robots: RobotsCache;
  private readonly page: Omit<GuardedRequest, 'url'>;
  private readonly robotsTxt: Omit<GuardedRequest, 'url'>;

  constructor(
    private readonly policy: FetchPolicy,
    options: PageFetcherOptions = {},
  ) {
    this.http = createGuardedFetch(
      {
        timeoutMs: policy.timeoutMs,
        maxBytes: policy.maxBytes,
        maxRedirects: policy.maxRedirects,
        userAgent: policy.userAgent,
        perHostConcurrency: policy.perHostConcurrency,
        ssrf: { ...policy.ssrf, allowHostsSetting: FETCH_POLICY_ENV['ssrf.allowHosts'] },
      },
      { resolve: options.resolve },
    );
    this.robots = new RobotsCache({
      source: (robotsUrl) => this.fetchRobotsTxt(robotsUrl),
      userAgent: policy.userAgent,
      ttlMs: policy.robotsCacheTtlMs,
      maxEntries: policy.robotsCacheMaxEntries,
      maxBytes: policy.robotsCacheMaxBytes,
      now: options.now,
    });
    const allowed = new Set(policy.allowedContentTypes);
    this.page = {
      headers: { accept: `${policy.allowedContentTypes.join(', ')}, */*;q=0.1` },
      readBody: ({ status, headers, url }) => {
        if (status < 200 || status > 299) return statusFailure(status, url);
        const contentType = headers['content-type'] ?? '';
        if (allowed.has(mediaTypeOf(contentType))) return 'read';
        return TaskError.permanent(
          SCRAPE_ERROR_CODES.badContentType,
          `${redactUrl(url)} is ${contentType === '' ? 'untyped' : `"${contentType}"`}, not one of ${[...allowed].join(', ')}`,
        );
      },
    };
    this.robotsTxt = {
      headers: { accept: 'text/plain, */*;q=0.1' },
      timeoutMs: policy.robotsTimeoutMs,
      maxBytes: policy.robotsMaxBytes,
      truncate: true,
      readBody: ({ status }) => (status >= 200 && status <= 299 ? 'read' : 'skip'),
    };
  }

  /**
   * Fetches one page. Throws TaskError: permanent `invalid-url`, `ssrf-refused`, `dns-not-found`, `tls-error`,
   * `too-many-redirects`, `bad-redirect`, `too-large`, `bad-content-type`, `bad-content-encoding`,
   * `robots-disallowed`, `http-<4xx>`; retryable `timeout`, `network`, `aborted`, `robots-unreachable`,
   * `http-408`, `http-429`, `http-<5xx>`.
   */
  async fetch(url: string, signal?: AbortSignal): Promise<FetchedPage> {
    const response = await this.http.request({
      ...this.page,
      url,
      signal,
      beforeHop: (hop) => this.assertRobotsAllow(hop, signal),
    });
    const contentType = response.headers['content-type'] ?? '';
    return {
      url: response.requestedUrl.href,
      finalUrl: response.url.href,
      status: response.status,
      contentType,
      body: decodeHtml(response.body, contentType),
      bytes: response.body.length,
    };
  }

  /** Waits for exchanges in flight, then closes every connection; later fetches fail with `aborted`. */
  async close(): Promise<void> {
    await this.http.close();
  }

  private async assertRobotsAllow(url: URL, signal: AbortSignal | undefined): Promise<void> {
    if (!this.policy.respectRobots) return;
    let allowed: boolean;
    try {
      allowed = await this.robots.isAllowed(url, signal);
    } catch (error) {
      if (error instanceof TaskError) throw error;
      throw TaskError.retryable(SCRAPE_ERROR_CODES.aborted, `fetch of ${redactUrl(url)} was aborted`, error);
    }
    if (!allowed) {
      throw TaskError.permanent(
        SCRAPE_ERROR_CODES.robotsDisallowed,
        `robots.txt of ${url.origin} disallows ${redactUrl(url)} for ${this.policy.userAgent.split('/')[0] ?? ''}`,
      );
    }
  }

  private async fetchRobotsTxt(robotsUrl: URL): Promise<RobotsResponse> {
    const response = await this.http.request({ ...this.robotsTxt, url: robotsUrl });
    // RFC 9309: robots.txt is UTF-8.
    return { status: response.status, body: new TextDecoder('utf-8').decode(response.body) };
  }
}
