import { extractPage } from '../../domain/extract-page.js';
import type { PageExtractor } from '../page-extractor.js';

/** `extractPage` on the calling thread with the default bounds, for specs that test what is extracted. */
export const inProcessExtractor: PageExtractor = {
  extract: (html, meta) => Promise.resolve(extractPage(html, meta)),
};
