/** DI tokens of the scraper service. */
export const TOKENS = {
  config: Symbol('SCRAPER_CONFIG'),
  fetcher: Symbol('PAGE_FETCHER'),
} as const;
