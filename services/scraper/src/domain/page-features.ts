import type { CheerioAPI } from 'cheerio';
import { clipText, collapseWhitespace } from './page-text.js';

/** Most features kept, and longest feature, as the PageExtract contract allows. */
export const FEATURE_LIMITS = { maxFeatures: 64, maxChars: 100 } as const;

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const FEATURES_HEADING = /^(?:key |main |core )?features:?$/i;

/**
 * The features a page lists, in page order: `[data-feature]` values (or their text), items of `.features`
 * lists, and items of the first list(s) after a "Features" heading (up to the next heading). Each is
 * whitespace-collapsed, lowercased, stripped of trailing punctuation and cut to 100 characters; duplicates and
 * empties are dropped, and at most 64 are kept. Pure (reads the document only).
 */
export function extractFeatures($: CheerioAPI): string[] {
  const raw: string[] = [];
  $('[data-feature]').each((_, element) => {
    const value = $(element).attr('data-feature')?.trim();
    raw.push(value !== undefined && value !== '' ? value : $(element).text());
  });
  const ownText = (item: Parameters<CheerioAPI>[0]) =>
    $(item).clone().children('ul, ol').remove().end().text();
  $('.features li').each((_, item) => {
    raw.push(ownText(item));
  });
  $(HEADINGS)
    .filter((_, heading) => FEATURES_HEADING.test(collapseWhitespace($(heading).text())))
    .each((_, heading) => {
      const section = $(heading).nextUntil(HEADINGS);
      const lists =
        section.filter('ul, ol').length > 0 ? section.filter('ul, ol') : section.find('ul, ol').first();
      lists.children('li').each((__, item) => {
        raw.push(ownText(item));
      });
    });
  return normalizeFeatures(raw);
}

/** Normalizes, de-duplicates and caps a list of feature texts (see `extractFeatures`). Pure. */
export function normalizeFeatures(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of raw) {
    const feature = clipText(
      collapseWhitespace(text)
        .toLowerCase()
        .replace(/[\s.,;:!]+$/, ''),
      FEATURE_LIMITS.maxChars,
    );
    if (feature !== '') seen.add(feature);
    if (seen.size >= FEATURE_LIMITS.maxFeatures) break;
  }
  return [...seen];
}
