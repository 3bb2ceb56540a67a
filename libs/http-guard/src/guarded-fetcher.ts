import { Agent } from 'undici';
import { ACCEPTED_ENCODINGS, readBody } from './body-reader.js';
import { HTTP_GUARD_ERROR_CODES, HttpGuardError } from './errors.js';
import { toFetchFailure } from './fetch-failure.js';
import { createGuardedConnector } from './guarded-connector.js';
import type { ResolveHost } from './guarded-connector.js';
import { effectivePort, normalizeHost } from './host-entry.js';
import { HostLimiter } from './host-limiter.js';
import { redactUrl } from './redact.js';
import { assertAllowedTarget } from './ssrf-guard.js';
import type { SsrfPolicy } from './ssrf-guard.js';

/** The limits and the address guard of a guarded fetcher; each agent fills it from its own settings. */
export interface GuardedFetchPolicy {
  /** Time for one HTTP exchange (connect, headers and whole body); each redirect hop gets its own. */
  readonly timeoutMs: number;
  /** Largest body read, in bytes after content decoding (a request may lower it). */
  readonly maxBytes: number;
  /** Redirects followed (with `redirect: 'follow'`) before failing with `too-many-redirects`. */
  readonly maxRedirects: number;
  /** Where connections may go. */
  readonly ssrf: SsrfPolicy;
  /** The User-Agent header sent unless a request sets its own. */
  readonly userAgent?: string;
  /** Exchanges in flight at once per host:port across this fetcher; unlimited when absent. */
  readonly perHostConcurrency?: number;
}

/** Response headers, lowercase names, the first value of a repeated header. */
export type ResponseHeaders = Readonly<Record<string, string>>;

/** A response before its body is read. */
export interface ResponseHead {
  readonly url: URL;
  readonly status: number;
  readonly headers: ResponseHeaders;
}

/** Read the body, skip it (the response comes back with an empty body), or fail with this error. */
export type BodyDecision = 'read' | 'skip' | Error;

/** One request. */
export interface GuardedRequest {
  readonly url: string | URL;
  /** `GET` by default. */
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** The request body (POST). */
  readonly body?: string | Uint8Array;
  /**
   * `follow` (default): redirects are followed by hand, every hop checked by the SSRF guard like the first URL,
   * up to `maxRedirects`. `manual`: a 3xx comes back as the response, nothing is followed.
   */
  readonly redirect?: 'follow' | 'manual';
  /** The caller's signal (a task's): aborting it fails the request with a retryable `aborted`. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the policy's `timeoutMs` for this request. */
  readonly timeoutMs?: number;
  /** Overrides the policy's `maxBytes` for this request. */
  readonly maxBytes?: number;
  /** Past the byte limit, keep the first bytes (true) instead of failing with `too-large` (false, default). */
  readonly truncate?: boolean;
  /** What to do with the final response's body; default: read it, whatever the status. */
  readonly readBody?: (head: ResponseHead) => BodyDecision;
  /** Runs before each hop (the first URL and every redirect target), e.g. a robots.txt check; may throw. */
  readonly beforeHop?: (url: URL) => Promise<void>;
}

/** A response whose body was read within the limits. */
export interface GuardedResponse extends ResponseHead {
  /** The URL asked for, parsed. `url` is the URL of this (final) response. */
  readonly requestedUrl: URL;
  /** Redirects followed. */
  readonly redirects: number;
  /** The body after content decoding; empty when skipped. */
  readonly body: Buffer;
}

/** Seams for tests. */
export interface GuardedFetchOptions {
  /** Host name resolution (default: the system resolver). Every address it returns is checked. */
  readonly resolve?: ResolveHost | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The one HTTP client for every outbound request an agent makes. Every connection goes only to addresses the
 * SSRF guard allows, checked on the address actually connected to (no DNS-rebinding gap) and again on every
 * redirect hop; redirects are followed by hand up to the limit (or not at all, `redirect: 'manual'`); each
 * exchange has a timeout; bodies are streamed, decompressed and cut at the byte limit; at most
 * `perHostConcurrency` exchanges run per host:port. Every failure is an HttpGuardError (a TaskError) whose
 * message shows URLs redacted (`redactUrl`). Create one per process and `close()` it on shutdown.
 */
export class GuardedFetcher {
  private readonly agent: Agent;
  private readonly limiter: HostLimiter | undefined;
  private closed = false;

  constructor(
    private readonly policy: GuardedFetchPolicy,
    options: GuardedFetchOptions = {},
  ) {
    this.agent = new Agent({
      connect: createGuardedConnector(policy.ssrf, {
        resolve: options.resolve,
        connectTimeoutMs: policy.timeoutMs,
      }),
      headersTimeout: policy.timeoutMs,
      bodyTimeout: policy.timeoutMs,
    });
    this.limiter =
      policy.perHostConcurrency === undefined ? undefined : new HostLimiter(policy.perHostConcurrency);
  }

  /**
   * Sends one request and reads its final response. Throws HttpGuardError: permanent `invalid-url`,
   * `ssrf-refused`, `dns-not-found`, `tls-error`, `too-many-redirects`, `bad-redirect`, `too-large`,
   * `bad-content-encoding`; retryable `timeout`, `network`, `aborted`. Whatever `readBody` or `beforeHop`
   * returns or throws as an error is thrown as is. A non-2xx status is not an error here: the caller decides.
   */
  async request(request: GuardedRequest): Promise<GuardedResponse> {
    const requestedUrl = assertAllowedTarget(request.url, [], this.policy.ssrf);
    let url = requestedUrl;
    let method = request.method ?? 'GET';
    let body = request.body;
    for (let redirects = 0; ; redirects += 1) {
      await request.beforeHop?.(url);
      const follow = request.redirect !== 'manual';
      const response = await this.exchange(url, method, body, request, follow);
      if (response.location === undefined) return { ...response, requestedUrl, redirects };
      if (redirects >= this.policy.maxRedirects) {
        throw HttpGuardError.permanent(
          HTTP_GUARD_ERROR_CODES.tooManyRedirects,
          `${redactUrl(requestedUrl)} redirected more than ${this.policy.maxRedirects} times (last to ${redactUrl(response.location)})`,
        );
      }
      url = assertAllowedTarget(resolveLocation(response.location, url), [], this.policy.ssrf);
      if (response.status === 303 || (method === 'POST' && response.status <= 302)) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  /** Waits for exchanges in flight, then closes every connection; later requests fail with `aborted`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }

  private async exchange(
    url: URL,
    method: 'GET' | 'POST',
    body: string | Uint8Array | undefined,
    request: GuardedRequest,
    follow: boolean,
  ): Promise<ResponseHead & { readonly body: Buffer; readonly location?: string }> {
    if (this.closed) {
      throw HttpGuardError.retryable(
        HTTP_GUARD_ERROR_CODES.aborted,
        `fetcher closed; ${redactUrl(url)} not fetched`,
      );
    }
    const timeoutMs = request.timeoutMs ?? this.policy.timeoutMs;
    const { signal } = request;
    let release: (() => void) | undefined;
    let timeout: AbortSignal | undefined;
    let refusal: Error | undefined;
    try {
      release = await this.limiter?.acquire(`${normalizeHost(url.hostname)}:${effectivePort(url)}`, signal);
      // The clock starts once a slot is held: waiting behind other requests to the host is not this one's fault.
      timeout = AbortSignal.timeout(timeoutMs);
      const response = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers: {
          ...(this.policy.userAgent === undefined ? {} : { 'user-agent': this.policy.userAgent }),
          ...request.headers,
          'accept-encoding': ACCEPTED_ENCODINGS,
        },
        body: body ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const head: ResponseHead = { url, status: response.statusCode, headers: firstValues(response.headers) };
      const location = REDIRECT_STATUSES.has(head.status) ? head.headers['location'] : undefined;
      const decision = follow && location !== undefined ? 'skip' : (request.readBody?.(head) ?? 'read');
      if (decision !== 'read') {
        // Draining (up to undici's small limit) keeps the connection reusable.
        await response.body.dump().catch(() => undefined);
        if (decision instanceof Error) throw (refusal = decision);
        return { ...head, body: Buffer.alloc(0), ...(follow && location !== undefined ? { location } : {}) };
      }
      const contentLength = Number(head.headers['content-length'] ?? Number.NaN);
      const read = await readBody(response.body, {
        maxBytes: request.maxBytes ?? this.policy.maxBytes,
        truncate: request.truncate ?? false,
        contentEncoding: head.headers['content-encoding'],
        contentLength: Number.isFinite(contentLength) ? contentLength : undefined,
        url: redactUrl(url),
      });
      return { ...head, body: read };
    } catch (error) {
      if (error === refusal) throw error;
      throw toFetchFailure(error, url, { timeout, timeoutMs, caller: signal });
    } finally {
      release?.();
    }
  }
}

/** A guarded fetcher for `policy` (see `GuardedFetcher`). */
export function createGuardedFetch(
  policy: GuardedFetchPolicy,
  options?: GuardedFetchOptions,
): GuardedFetcher {
  return new GuardedFetcher(policy, options);
}

function firstValues(headers: Record<string, string | string[] | undefined>): ResponseHeaders {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name.toLowerCase()] = first;
  }
  return result;
}

function resolveLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch (error) {
    throw HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.badRedirect,
      `${redactUrl(base)} redirected to an unusable location "${redactUrl(location)}"`,
      error,
    );
  }
}
