import type { GuardedFetchPolicy } from '@swarm/http-guard';
import { AllowHostsSetting, FlagSetting } from '@swarm/http-guard';
import { z } from 'zod';

const KIB = 1_024;
const MIB = 1_024 * KIB;
const bytes = (fallback: number) => z.coerce.number().int().min(KIB).default(fallback);

/**
 * How the remote (feed, http) sources fetch, as env variables with their defaults. Every request goes through
 * the guarded fetcher of `@swarm/http-guard`; `SEARCH_SOURCE_TIMEOUT_MS` (in `SearchEnv`) is its timeout.
 */
export const SourceFetchEnv = z.object({
  /** Redirects a source may answer with before it is refused (`source-refused`); every hop is checked. 5. */
  SEARCH_SOURCE_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /** Largest feed, in bytes after decompression; a larger one is `source-bad-response`. 5 MiB. */
  SEARCH_FEED_MAX_BYTES: bytes(5 * MIB),
  /** Largest search API answer, in bytes after decompression; a larger one is `source-bad-response`. 2 MiB. */
  SEARCH_HTTP_MAX_BYTES: bytes(2 * MIB),
  /**
   * Let sources and their redirects reach loopback, private, link-local and other non-public addresses. Only
   * for closed test setups (a feed server on loopback); false in production.
   */
  SEARCH_SOURCE_ALLOW_PRIVATE_NETWORKS: FlagSetting.default(false),
  /**
   * Comma list of hosts the sources may reach even when they resolve to non-public addresses: `host` (any port)
   * or `host:port`, e.g. `feeds.internal:8080`. Empty.
   */
  SEARCH_SOURCE_ALLOW_HOSTS: AllowHostsSetting.default([]),
});
/** The parsed remote source fetch settings. */
export type SourceFetchEnv = z.infer<typeof SourceFetchEnv>;

/** The User-Agent the search sources send. */
export const SEARCH_USER_AGENT = 'swarm-search-agent/0.1';

/** The guarded fetch policy of the remote sources, from their settings and the source timeout. Pure. */
export function sourceFetchPolicy(settings: SourceFetchEnv, timeoutMs: number): GuardedFetchPolicy {
  return {
    timeoutMs,
    maxBytes: Math.max(settings.SEARCH_FEED_MAX_BYTES, settings.SEARCH_HTTP_MAX_BYTES),
    maxRedirects: settings.SEARCH_SOURCE_MAX_REDIRECTS,
    userAgent: SEARCH_USER_AGENT,
    ssrf: {
      allowPrivateNetworks: settings.SEARCH_SOURCE_ALLOW_PRIVATE_NETWORKS,
      allowHosts: settings.SEARCH_SOURCE_ALLOW_HOSTS,
      allowHostsSetting: 'SEARCH_SOURCE_ALLOW_HOSTS',
    },
  };
}
