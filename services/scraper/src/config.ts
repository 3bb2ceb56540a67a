import { z } from 'zod';
import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import { AgentEnv, parseEnv } from '@swarm/agent-kit';
import type { FetchPolicy } from './fetch/fetch-policy.js';
import { fetchPolicyFromEnv } from './fetch/fetch-policy.js';

/** Scraper settings beyond fetching: how much main text an extract keeps. */
export const ScraperEnv = z.object({
  /** Characters of main text kept per page (at most 20000). */
  SCRAPER_MAX_TEXT_CHARS: z.coerce.number().int().min(200).max(20_000).default(8_000),
});

/** The scraper's configuration, parsed once at boot. */
export interface ScraperConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
  readonly fetch: FetchPolicy;
  readonly maxTextChars: number;
}

/** Reads the configuration from an environment map (only main.ts passes process.env). */
export function loadScraperConfig(env: Readonly<Record<string, string | undefined>>): ScraperConfig {
  return {
    transport: transportSettingsFromEnv(env),
    agent: parseEnv(AgentEnv, env),
    fetch: fetchPolicyFromEnv(env),
    maxTextChars: parseEnv(ScraperEnv, env).SCRAPER_MAX_TEXT_CHARS,
  };
}
