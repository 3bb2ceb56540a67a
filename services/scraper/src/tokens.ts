/** DI tokens of the scraper service. */
export const TOKENS = {
  config: Symbol('SCRAPER_CONFIG'),
  fetcher: Symbol('PAGE_FETCHER'),
  /** The worker-thread pool that runs page extraction (`ExtractPool`). */
  extractor: Symbol('PAGE_EXTRACTOR'),
  /** The scraper brain (`ScraperBrain`): builtin or model-backed, by `SWARM_MODEL`. */
  brain: Symbol('SCRAPER_BRAIN'),
} as const;
