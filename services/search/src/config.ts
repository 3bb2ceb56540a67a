import { z } from 'zod';
import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import type { ModelSettings } from '@swarm/models';
import { AgentEnv, loadAgentModel, parseEnv } from '@swarm/agent-kit';
import type { GuardedFetchPolicy } from '@swarm/http-guard';
import type { SourceSpec } from './sources/source-config.js';
import { DEFAULT_SOURCE_CONFIG, parseSourceConfig } from './sources/source-config.js';
import { SourceFetchEnv, sourceFetchPolicy } from './sources/source-fetch-settings.js';

/** Search settings (env). */
export const SearchEnv = z.object({
  /** Sources, comma-separated: `corpus`, `feed:<url>`, `http:<endpoint>`. */
  SEARCH_SOURCES: z.string().default(DEFAULT_SOURCE_CONFIG),
  /** Base URL of the docs server serving the corpus pages (set by `swarm dev`); else homepages are scraped. */
  SEARCH_DOCS_BASE_URL: z.url().optional(),
  /**
   * Candidates scraped per wanted result (topN x factor, at most LIMITS.candidatesMax). 3 by default: the ranker
   * drops candidates below its relevance floor and folds package families into one place, so it needs a
   * deeper pool than the places it fills.
   */
  SEARCH_CANDIDATE_FACTOR: z.coerce.number().min(1).max(10).default(3),
  /** Timeout of each remote source (feed, http) exchange, in milliseconds; each redirect hop gets its own. */
  SEARCH_SOURCE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

/** The search agent's configuration, parsed once at boot. */
export interface SearchConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
  readonly search: z.infer<typeof SearchEnv>;
  readonly sources: readonly SourceSpec[];
  /** How the remote sources fetch (see `SourceFetchEnv`): guard, redirects, limits. */
  readonly sourceFetch: SourceFetchEnv;
  /** The guarded fetch policy built from `sourceFetch` and `SEARCH_SOURCE_TIMEOUT_MS`. */
  readonly http: GuardedFetchPolicy;
  /** Which model thinks for the agent (`SWARM_MODEL`, builtin by default) and its settings. */
  readonly model: ModelSettings;
}

/** Reads the configuration from an environment map (only main.ts passes process.env). */
export function loadSearchConfig(env: Readonly<Record<string, string | undefined>>): SearchConfig {
  const search = parseEnv(SearchEnv, env);
  const sourceFetch = parseEnv(SourceFetchEnv, env);
  return {
    transport: transportSettingsFromEnv(env),
    agent: parseEnv(AgentEnv, env),
    search,
    sources: parseSourceConfig(search.SEARCH_SOURCES),
    sourceFetch,
    http: sourceFetchPolicy(sourceFetch, search.SEARCH_SOURCE_TIMEOUT_MS),
    model: loadAgentModel(env),
  };
}
