import type { PageExtract } from '@swarm/contracts';
import type { ExtractPageInput } from '../domain/extract-page.js';
import { extractPage } from '../domain/extract-page.js';
import type { ScraperBrain } from './scraper-brain.js';

/** The deterministic extraction: `extractPage` (cheerio), unchanged. */
export class BuiltinScraperBrain implements ScraperBrain {
  /** See {@link ScraperBrain.extract}; never throws. */
  extract(html: string, meta: ExtractPageInput): Promise<PageExtract> {
    return Promise.resolve(extractPage(html, meta));
  }
}
