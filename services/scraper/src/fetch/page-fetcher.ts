import { TaskError } from '@swarm/transport/errors';
import { Agent } from 'undici';
import { SCRAPE_ERROR_CODES } from '../domain/errors.js';
import { ACCEPTED_ENCODINGS, readBody } from './body-reader.js';
import { decodeHtml, mediaTypeOf } from './charset-decoder.js';
import { statusFailure, toFetchFailure } from './fetch-failure.js';
import type { FetchPolicy } from './fetch-policy.js';
import { createGuardedConnector } from './guarded-connector.js';
import type { ResolveHost } from './guarded-connector.js';
import { HostLimiter } from './host-limiter.js';
import { RobotsCache } from './robots-cache.js';
import type { RobotsResponse } from './robots-cache.js';
import { assertAllowedTarget, effectivePort, normalizeHost } from './ssrf-guard.js';

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

/** What to do with a response head: read the body, skip it, or fail with the given error. */
type HeadDecision = 'read' | 'skip' | TaskError;

interface ExchangePlan {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly truncate: boolean;
  readonly accept: string;
  readonly decide: (status: number, contentType: string, url: URL) => HeadDecision;
}

interface Exchange {
  readonly status: number;
  readonly contentType: string;
  readonly location?: string;
  readonly body?: Buffer;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches HTML pages safely: every connection goes only to addresses the SSRF guard allows (checked on the
 * resolved address actually connected to, on every redirect hop), redirects are followed by hand up to the
 * limit, each exchange has a timeout, bodies are streamed and cut at the size limit, robots.txt is honoured,
 * and at most `perHostConcurrency` exchanges run per host:port. Every failure is a TaskError whose code is in
 * `SCRAPE_ERROR_CODES` and whose `retryable` flag says whether a retry can help. Create one per process and
 * `close()` it on shutdown.
 */
export class PageFetcher {
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;
  private readonly pagePlan: ExchangePlan;
  private readonly robotsPlan: ExchangePlan;
  private closed = false;

  constructor(
    private readonly policy: FetchPolicy,
    options: PageFetcherOptions = {},
  ) {
    this.agent = new Agent({
      connect: createGuardedConnector(policy, { resolve: options.resolve }),
      headersTimeout: policy.timeoutMs,
      bodyTimeout: policy.timeoutMs,
    });
    this.limiter = new HostLimiter(policy.perHostConcurrency);
    this.robots = new RobotsCache({
      source: (robotsUrl) => this.fetchRobotsTxt(robotsUrl),
      userAgent: policy.userAgent,
      ttlMs: policy.robotsCacheTtlMs,
      maxEntries: policy.robotsCacheMaxEntries,
      now: options.now,
    });
    const allowed = new Set(policy.allowedContentTypes);
    this.pagePlan = {
      timeoutMs: policy.timeoutMs,
      maxBytes: policy.maxBytes,
      truncate: false,
      accept: `${policy.allowedContentTypes.join(', ')}, */*;q=0.1`,
      decide: (status, contentType, url) => {
        if (status < 200 || status > 299) return statusFailure(status, url);
        if (allowed.has(mediaTypeOf(contentType))) return 'read';
        return TaskError.permanent(
          SCRAPE_ERROR_CODES.badContentType,
          `${url.href} is ${contentType === '' ? 'untyped' : `"${contentType}"`}, not one of ${[...allowed].join(', ')}`,
        );
      },
    };
    this.robotsPlan = {
      timeoutMs: policy.robotsTimeoutMs,
      maxBytes: policy.robotsMaxBytes,
      truncate: true,
      accept: 'text/plain, */*;q=0.1',
      decide: (status) => (status >= 200 && status <= 299 ? 'read' : 'skip'),
    };
  }

  /**
   * Fetches one page. Throws TaskError: permanent `invalid-url`, `ssrf-refused`, `dns-not-found`, `tls-error`,
   * `too-many-redirects`, `bad-redirect`, `too-large`, `bad-content-type`, `bad-content-encoding`,
   * `robots-disallowed`, `http-<4xx>`; retryable `timeout`, `network`, `aborted`, `robots-unreachable`,
   * `http-408`, `http-429`, `http-<5xx>`.
   */
  async fetch(url: string, signal?: AbortSignal): Promise<FetchedPage> {
    const requested = assertAllowedTarget(url, [], this.policy);
    const { url: finalUrl, exchange } = await this.follow(requested, this.pagePlan, signal, (hop) =>
      this.assertRobotsAllow(hop, signal),
    );
    const body = exchange.body ?? Buffer.alloc(0);
    return {
      url: requested.href,
      finalUrl: finalUrl.href,
      status: exchange.status,
      contentType: exchange.contentType,
      body: decodeHtml(body, exchange.contentType),
      bytes: body.length,
    };
  }

  /** Waits for exchanges in flight, then closes every connection; later fetches fail with `aborted`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }

  private async follow(
    start: URL,
    plan: ExchangePlan,
    signal: AbortSignal | undefined,
    beforeHop?: (url: URL) => Promise<void>,
  ): Promise<{ url: URL; exchange: Exchange }> {
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      await beforeHop?.(url);
      const exchange = await this.exchange(url, plan, signal);
      if (exchange.location === undefined) return { url, exchange };
      if (redirects >= this.policy.maxRedirects) {
        throw TaskError.permanent(
          SCRAPE_ERROR_CODES.tooManyRedirects,
          `${start.href} redirected more than ${this.policy.maxRedirects} times (last to ${exchange.location})`,
        );
      }
      url = assertAllowedTarget(resolveLocation(exchange.location, url), [], this.policy);
    }
  }

  private async exchange(url: URL, plan: ExchangePlan, signal: AbortSignal | undefined): Promise<Exchange> {
    if (this.closed) {
      throw TaskError.retryable(SCRAPE_ERROR_CODES.aborted, `page fetcher closed; ${url.href} not fetched`);
    }
    let release: (() => void) | undefined;
    let timeout: AbortSignal | undefined;
    try {
      release = await this.limiter.acquire(`${normalizeHost(url.hostname)}:${effectivePort(url)}`, signal);
      // The clock starts once a slot is held: waiting behind other pages of the host is not this page's fault.
      timeout = AbortSignal.timeout(plan.timeoutMs);
      const response = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: {
          'user-agent': this.policy.userAgent,
          accept: plan.accept,
          'accept-encoding': ACCEPTED_ENCODINGS,
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const { statusCode: status, headers } = response;
      const contentType = single(headers['content-type']) ?? '';
      const location = REDIRECT_STATUSES.has(status) ? single(headers.location) : undefined;
      const decision = location !== undefined ? 'skip' : plan.decide(status, contentType, url);
      if (decision !== 'read') {
        // Draining (up to undici's small limit) keeps the connection reusable.
        await response.body.dump().catch(() => undefined);
        if (decision instanceof TaskError) throw decision;
        return { status, contentType, location };
      }
      const contentLength = Number(single(headers['content-length']) ?? Number.NaN);
      const body = await readBody(response.body, {
        maxBytes: plan.maxBytes,
        truncate: plan.truncate,
        contentEncoding: single(headers['content-encoding']),
        contentLength: Number.isFinite(contentLength) ? contentLength : undefined,
        url: url.href,
      });
      return { status, contentType, body };
    } catch (error) {
      throw toFetchFailure(error, url, { timeout, timeoutMs: plan.timeoutMs, caller: signal });
    } finally {
      release?.();
    }
  }

  private async assertRobotsAllow(url: URL, signal: AbortSignal | undefined): Promise<void> {
    if (!this.policy.respectRobots) return;
    let allowed: boolean;
    try {
      allowed = await this.robots.isAllowed(url, signal);
    } catch (error) {
      if (error instanceof TaskError) throw error;
      throw TaskError.retryable(SCRAPE_ERROR_CODES.aborted, `fetch of ${url.href} was aborted`, error);
    }
    if (!allowed) {
      throw TaskError.permanent(
        SCRAPE_ERROR_CODES.robotsDisallowed,
        `robots.txt of ${url.origin} disallows ${url.href} for ${this.policy.userAgent.split('/')[0] ?? ''}`,
      );
    }
  }

  private async fetchRobotsTxt(robotsUrl: URL): Promise<RobotsResponse> {
    const { exchange } = await this.follow(robotsUrl, this.robotsPlan, undefined);
    // RFC 9309: robots.txt is UTF-8.
    return {
      status: exchange.status,
      body: exchange.body ? new TextDecoder('utf-8').decode(exchange.body) : '',
    };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function resolveLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch (error) {
    throw TaskError.permanent(
      SCRAPE_ERROR_CODES.badRedirect,
      `${base.href} redirected to an unusable location "${location}"`,
      error,
    );
  }
}
