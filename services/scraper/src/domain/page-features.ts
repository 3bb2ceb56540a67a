import type { Element } from 'domhandler';
import { childElements, nextElements, textOf } from './node-text.js';
import type { PageScan } from './page-scan.js';
import { clipText, collapseWhitespace } from './page-text.js';

/** Most features kept, and longest feature, as the PageExtract contract allows. */
export const FEATURE_LIMITS = { maxFeatures: 64, maxChars: 100 } as const;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const FEATURES_HEADING = /^(?:key |main |core )?features:?$/i;
/** Longest heading text compared with FEATURES_HEADING; a longer one cannot match. */
const HEADING_CHARS = 64;
/** Characters of a feature's text read: far more than the 100 kept, so collapsing and trimming still work. */
const FEATURE_TEXT_CHARS = 1_000;

/**
 * The features a page lists, in page order: `[data-feature]` values (or their text), items of `.features`
 * lists, and items of the first list(s) after a "Features" heading (up to the next heading). Each is
 * whitespace-collapsed, lowercased, stripped of trailing punctuation and cut to 100 characters; duplicates and
 * empties are dropped, and at most 64 are kept (texts past those are never read). Pure.
 */
export function extractFeatures(scan: PageScan): string[] {
  return normalizeFeatures(rawFeatures(scan));
}

function* rawFeatures(scan: PageScan): Generator<string> {
  for (const element of scan.dataFeatures) {
    const value = element.attribs['data-feature']?.trim();
    yield value !== undefined && value !== '' ? value : textOf(element, FEATURE_TEXT_CHARS);
  }
  for (const item of scan.featureItems) yield ownText(item);
  for (const heading of scan.headings) {
    if (!FEATURES_HEADING.test(textOf(heading, HEADING_CHARS))) continue;
    for (const list of listsAfter(heading)) {
      for (const item of childElements(list)) if (item.name === 'li') yield ownText(item);
    }
  }
}

/** An item's text without its nested lists. */
function ownText(item: Element): string {
  return textOf(item, FEATURE_TEXT_CHARS, (element) => element.parent === item && isList(element));
}

/**
 * The lists of a "Features" section: the `ul`/`ol` siblings after the heading (up to the next heading), or,
 * when there are none, the first list inside those siblings.
 */
function listsAfter(heading: Element): Element[] {
  const section: Element[] = [];
  for (const sibling of nextElements(heading)) {
    if (HEADINGS.has(sibling.name)) break;
    section.push(sibling);
  }
  const lists = section.filter(isList);
  if (lists.length > 0) return lists;
  for (const element of section) {
    const nested = firstListIn(element);
    if (nested !== undefined) return [nested];
  }
  return [];
}

function firstListIn(root: Element): Element | undefined {
  const stack = childElements(root).reverse();
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (isList(element)) return element;
    stack.push(...childElements(element).reverse());
  }
  return undefined;
}

function isList(element: Element): boolean {
  return element.name === 'ul' || element.name === 'ol';
}

/** Normalizes, de-duplicates and caps a list of feature texts (see `extractFeatures`). Pure. */
export function normalizeFeatures(raw: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const text of raw) {
    if (seen.size >= FEATURE_LIMITS.maxFeatures) break;
    const feature = clipText(
      collapseWhitespace(text)
        .toLowerCase()
        .replace(/[\s.,;:!]+$/, ''),
      FEATURE_LIMITS.maxChars,
    );
    if (feature !== '') seen.add(feature);
  }
  return [...seen];
}
