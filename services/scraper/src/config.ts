import { z } from 'zod';
import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import type { ModelSettings } from '@swarm/models';
import { AgentEnv, loadAgentModel, parseEnv } from '@swarm/agent-kit';
import type { FetchPolicy } from './fetch/fetch-policy.js';
import { fetchPolicyFromEnv } from './fetch/fetch-policy.js';

/** Scraper settings beyond fetching: how much main text an extract keeps, and how much a model reads. */
export const ScraperEnv = z.object({
  /** Characters of main text kept per page (at most 20000). */
  SCRAPER_MAX_TEXT_CHARS: z.coerce.number().int().min(200).max(20_000).default(8_000),
  /**
   * Characters of a page's main text sent to the model-backed brain (200..20000, default 6000); the text is
   * first cut at SCRAPER_MAX_TEXT_CHARS, so the smaller of the two applies. Ignored by the builtin brain.
   */
  SCRAPER_MODEL_TEXT_CHARS: z.coerce.number().int().min(200).max(20_000).default(6_000),
});

/** The scraper's configuration, parsed once at boot. */
export interface ScraperConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
  readonly fetch: FetchPolicy;
  readonly maxTextChars: number;
  /** Characters of main text the model-backed brain reads (`SCRAPER_MODEL_TEXT_CHARS`). */
  readonly modelTextChars: number;
  /** Which model thinks for the agent (`SWARM_MODEL`, builtin by default) and its settings. */
  readonly model: ModelSettings;
}

/** Reads the configuration from an environment map (only main.ts passes process.env). */
export function loadScraperConfig(env: Readonly<Record<string, string | undefined>>): ScraperConfig {
  const scraper = parseEnv(ScraperEnv, env);
  return {
    transport: transportSettingsFromEnv(env),
    agent: parseEnv(AgentEnv, env),
    fetch: fetchPolicyFromEnv(env),
    maxTextChars: scraper.SCRAPER_MAX_TEXT_CHARS,
    modelTextChars: scraper.SCRAPER_MODEL_TEXT_CHARS,
    model: loadAgentModel(env),
  };
}
