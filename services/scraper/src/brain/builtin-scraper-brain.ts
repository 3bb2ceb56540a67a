import type { PageExtract } from '@swarm/contracts';
import type { ExtractPageInput } from '../domain/extract-page.js';
import type { PageExtractor } from '../extract/page-extractor.js';
import type { ScraperBrain } from './scraper-brain.js';

/** The deterministic extraction: `extractPage` (parse5, one DOM walk), run by a `PageExtractor` off the loop. */
export class BuiltinScraperBrain implements ScraperBrain {
  constructor(private readonly extractor: PageExtractor) {}

  /**
   * See {@link ScraperBrain.extract}.
   * @throws TaskError `page-too-complex` (permanent) when the page is over an extraction bound.
   */
  extract(html: string, meta: ExtractPageInput, signal?: AbortSignal): Promise<PageExtract> {
    return this.extractor.extract(html, meta, signal);
  }
}
