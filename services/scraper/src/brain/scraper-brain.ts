import type { PageExtract } from '@swarm/contracts';
import type { ExtractPageInput } from '../domain/extract-page.js';

/**
 * The scraper agent's thinking: turns one fetched HTML page into a `PageExtract`. The scrape handler gets one
 * through DI (`TOKENS.brain`) and never knows which implementation it has.
 */
export interface ScraperBrain {
  /**
   * Extracts what the ranker needs from `html`; `meta` says where the page came from and where its text is cut.
   * @throws TaskError `page-too-complex` (permanent) when the page is over an extraction bound (both brains:
   * the handler records it as a missing page); a model brain also throws `ModelOutputError` / `ModelCallError`
   * for the transport to settle (they are never a missing page).
   */
  extract(html: string, meta: ExtractPageInput, signal?: AbortSignal): Promise<PageExtract>;
}
