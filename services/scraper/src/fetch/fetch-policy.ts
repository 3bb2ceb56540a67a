import { AllowHostsSetting, commaListSetting, FlagSetting } from '@swarm/http-guard';
import { InvalidSettingsError } from '@swarm/transport/errors';
import { z } from 'zod';

const KIB = 1_024;
const MIB = 1_024 * KIB;

const ms = z.coerce.number().int().min(0);
/**
 * How the scraper fetches pages: every limit is a named setting with its default. Parse with `parseFetchPolicy`
 * (or `fetchPolicyFromEnv`); the env variable behind each setting is in `FETCH_POLICY_ENV`.
 */
export const FetchPolicy = z.strictObject({
  /** Time for one HTTP exchange (connect, headers and whole body); each redirect hop gets its own. 10 s. */
  timeoutMs: ms.min(100).default(10_000),
  /** Largest body read, after content decoding; a larger body fails with `too-large`. 2 MiB. */
  maxBytes: z.coerce
    .number()
    .int()
    .min(KIB)
    .default(2 * MIB),
  /** Redirects followed before failing with `too-many-redirects`. 5. */
  maxRedirects: z.coerce.number().int().min(0).max(20).default(5),
  /** Media types accepted (compared without parameters); anything else fails with `bad-content-type`. */
  allowedContentTypes: commaListSetting(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/, 'not a media type'),
  )
    .pipe(z.array(z.string()).min(1))
    .default(['text/html', 'application/xhtml+xml']),
  /** User-Agent header; its product token (before `/`) is what robots.txt groups are matched against. */
  userAgent: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .default('agent-swarm-scraper/0.1 (+https://github.com/agent-swarm)'),
  /** Honour robots.txt (RFC 9309). true. */
  respectRobots: FlagSetting.default(true),
  /** Exchanges in flight at once per host:port, across all tasks of this replica. 2. */
  perHostConcurrency: z.coerce.number().int().min(1).max(64).default(2),
  /** How long a fetched robots.txt is trusted. 10 min. */
  robotsCacheTtlMs: ms.default(10 * 60_000),
  /** Time for one robots.txt exchange. 5 s. */
  robotsTimeoutMs: ms.min(100).default(5_000),
  /** Bytes of robots.txt parsed; the rest is ignored (RFC 9309 asks for at least 500 KiB). 512 KiB. */
  robotsMaxBytes: z.coerce
    .number()
    .int()
    .min(KIB)
    .default(512 * KIB),
  /** Robots.txt files cached at once (least recently used are dropped first). 1000. */
  robotsCacheMaxEntries: z.coerce.number().int().min(1).default(1_000),
  /**
   * Estimated heap bytes the robots.txt cache may hold (three per character of each parsed file, see
   * `robotsEntryBytes`); least recently used files are dropped first. 32 MiB.
   */
  robotsCacheMaxBytes: z.coerce
    .number()
    .int()
    .min(64 * KIB)
    .default(32 * MIB),
  ssrf: z
    .strictObject({
      /** Allow every non-public address (loopback, private, link-local...). Only for closed test setups. false. */
      allowPrivateNetworks: FlagSetting.default(false),
      /**
       * Hosts allowed even when they resolve to non-public addresses: `host` (any port) or `host:port`, e.g.
       * `127.0.0.1:4815` for the dev docs server. An entry matches the URL's host, or (when it is an IP address)
       * the address connected to. Empty.
       */
      allowHosts: AllowHostsSetting.default([]),
    })
    .prefault({}),
});
/** A parsed fetch policy. */
export type FetchPolicy = z.infer<typeof FetchPolicy>;
/** A fetch policy as given (every field optional). */
export type FetchPolicyInput = z.input<typeof FetchPolicy>;

/** The env variable behind each setting (nested settings by their dotted path). */
export const FETCH_POLICY_ENV = {
  timeoutMs: 'SCRAPER_FETCH_TIMEOUT_MS',
  maxBytes: 'SCRAPER_MAX_BYTES',
  maxRedirects: 'SCRAPER_MAX_REDIRECTS',
  allowedContentTypes: 'SCRAPER_ALLOWED_CONTENT_TYPES',
  userAgent: 'SCRAPER_USER_AGENT',
  respectRobots: 'SCRAPER_RESPECT_ROBOTS',
  perHostConcurrency: 'SCRAPER_PER_HOST_CONCURRENCY',
  robotsCacheTtlMs: 'SCRAPER_ROBOTS_CACHE_TTL_MS',
  robotsTimeoutMs: 'SCRAPER_ROBOTS_TIMEOUT_MS',
  robotsMaxBytes: 'SCRAPER_ROBOTS_MAX_BYTES',
  robotsCacheMaxEntries: 'SCRAPER_ROBOTS_CACHE_MAX_ENTRIES',
  robotsCacheMaxBytes: 'SCRAPER_ROBOTS_CACHE_MAX_BYTES',
  'ssrf.allowPrivateNetworks': 'SCRAPER_ALLOW_PRIVATE_NETWORKS',
  'ssrf.allowHosts': 'SCRAPER_ALLOW_HOSTS',
} as const;

/** Validates a fetch policy, naming every bad value. Throws InvalidSettingsError. */
export function parseFetchPolicy(input: FetchPolicyInput = {}): FetchPolicy {
  const parsed = FetchPolicy.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidSettingsError(`invalid fetch policy: ${detail}`);
  }
  return parsed.data;
}

/**
 * Reads the fetch policy from an environment map (pass `process.env` from the service's config module); unset
 * or empty variables take the defaults. Throws InvalidSettingsError naming the variable.
 */
export function fetchPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): FetchPolicy {
  const input: Record<string, unknown> = {};
  const ssrf: Record<string, unknown> = {};
  for (const [path, variable] of Object.entries(FETCH_POLICY_ENV)) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    if (path.startsWith('ssrf.')) ssrf[path.slice('ssrf.'.length)] = value;
    else input[path] = value;
  }
  try {
    return parseFetchPolicy({ ...input, ssrf });
  } catch (error) {
    if (!(error instanceof InvalidSettingsError)) throw error;
    const named = error.message.replace(/([\w.]+?)(?:\.\d+)?: /g, (match, path: string) =>
      path in FETCH_POLICY_ENV ? `${FETCH_POLICY_ENV[path as keyof typeof FETCH_POLICY_ENV]}: ` : match,
    );
    throw new InvalidSettingsError(named);
  }
}
