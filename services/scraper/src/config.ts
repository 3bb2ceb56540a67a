import { z } from 'zod';
import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import type { ModelSettings } from '@swarm/models';
import { AgentEnv, loadAgentModel, parseEnv } from '@swarm/agent-kit';
import type { ExtractLimits } from './extract/extract-pool.js';
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
  /**
   * Most elements one page may have (default 50,000); a page with more is `page-too-complex`. Lighthouse calls
   * a page of 1,400 elements excessive; real documentation pages have a few thousand, so this is generous.
   */
  SCRAPER_MAX_ELEMENTS: z.coerce.number().int().min(100).max(1_000_000).default(50_000),
  /**
   * Deepest element nesting one page may have (default 512, the depth past which browsers' parsers stop
   * nesting); a deeper page is `page-too-complex`.
   */
  SCRAPER_MAX_DEPTH: z.coerce.number().int().min(16).max(10_000).default(512),
  /**
   * CPU time one page's extraction may take in a worker thread, counted from when a worker starts on it
   * (default 5000 ms); past it the worker is terminated and replaced and the page is `page-too-complex`.
   */
  SCRAPER_EXTRACT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Worker threads extracting pages (default 2); more pages than threads wait their turn off the clock. */
  SCRAPER_EXTRACT_THREADS: z.coerce.number().int().min(1).max(16).default(2),
  /**
   * Old-generation heap of each extraction worker in MiB (default 128); a page that needs more is
   * `page-too-complex`. Threads times this, plus the agent itself, must fit the pod's memory limit.
   */
  SCRAPER_EXTRACT_HEAP_MB: z.coerce.number().int().min(32).max(4_096).default(128),
});

/** The scraper's configuration, parsed once at boot. */
export interface ScraperConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
  readonly fetch: FetchPolicy;
  readonly maxTextChars: number;
  /** How much work one page's extraction may take, and how many worker threads do it. */
  readonly extract: ExtractLimits;
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
    extract: {
      maxElements: scraper.SCRAPER_MAX_ELEMENTS,
      maxDepth: scraper.SCRAPER_MAX_DEPTH,
      timeoutMs: scraper.SCRAPER_EXTRACT_TIMEOUT_MS,
      threads: scraper.SCRAPER_EXTRACT_THREADS,
      heapMb: scraper.SCRAPER_EXTRACT_HEAP_MB,
    },
    modelTextChars: scraper.SCRAPER_MODEL_TEXT_CHARS,
    model: loadAgentModel(env),
  };
}
