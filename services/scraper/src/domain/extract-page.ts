import type { PageExtract } from '@swarm/contracts';
import type { AnyNode, Element } from 'domhandler';
import { hasChildren, isTag, isText } from 'domhandler';
import type { PageBounds } from './html-tree.js';
import { DEFAULT_PAGE_BOUNDS, parseBoundedHtml } from './html-tree.js';
import { CollapsedText, textOf } from './node-text.js';
import { extractFacts } from './page-facts.js';
import { extractFeatures } from './page-features.js';
import type { PageScan } from './page-scan.js';
import { isBoilerplate, scanPage } from './page-scan.js';
import { clipText, collapseWhitespace } from './page-text.js';

/** Lengths the PageExtract contract allows, and the default main-text cut. */
export const EXTRACT_LIMITS = {
  titleMaxChars: 500,
  descriptionMaxChars: 2_000,
  /** The contract's ceiling for `text`; `maxTextChars` is clamped to it. */
  textMaxChars: 20_000,
  /** Default cut of the main text. */
  defaultTextChars: 8_000,
} as const;

/** Where the page came from, passed through to the extract. */
export interface ExtractPageInput {
  /** The URL asked for. */
  readonly url: string;
  /** The URL of the final response, after redirects. */
  readonly finalUrl: string;
  /** Body size in bytes. */
  readonly bytes: number;
  /** When the page was fetched, ISO 8601 with offset. */
  readonly fetchedAt: string;
  /** Where the main text is cut. Default 8000, at most 20000. */
  readonly maxTextChars?: number;
}

/** Elements that separate words: their text gets a space on each side. */
const BLOCKS = new Set(
  (
    'address article blockquote dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section ' +
    'summary table td th tr ul'
  ).split(' '),
);
/** A paragraph shorter than this is a label, not a description. */
const MIN_DESCRIPTION_CHARS = 20;

/**
 * Extracts what the ranker needs from one HTML page. Title: `og:title`, else `<title>`, else the first `<h1>`.
 * Description: meta description, else `og:description`, else the first real paragraph of the main content.
 * Main text: `<main>`, else `[role=main]`, else `<article>`, else `<body>`, without scripts, styles,
 * navigation, headers, footers, asides and the like, whitespace-collapsed and cut at `maxTextChars`.
 * Features, license, version and install command: see `extractFeatures` and `extractFacts`. Every field is
 * cut to what the PageExtract contract allows, so the result always satisfies it (given valid URLs and date).
 *
 * The cost is linear in the page: one bounded parse (`parseBoundedHtml`), one walk (`scanPage`), then reads of
 * the elements found, each text read once and cut where the extract cuts it. Never recursive, so any nesting
 * within the bounds is safe; never throws on malformed HTML. Pure.
 * @throws PageTooComplexError when the page has more elements or deeper nesting than `bounds` allow.
 */
export function extractPage(
  html: string,
  input: ExtractPageInput,
  bounds: PageBounds = DEFAULT_PAGE_BOUNDS,
): PageExtract {
  const scan = scanPage(parseBoundedHtml(html, bounds), bounds.maxDepth);
  // Facts and features read the whole document, JSON-LD scripts and boilerplate included.
  const facts = extractFacts(scan);
  const features = extractFeatures(scan);
  const title = firstNonEmpty(
    attribute(scan.metaContent.get('og:title'), 'content'),
    textIn(scan.title, EXTRACT_LIMITS.titleMaxChars + 1),
    textIn(scan.h1, EXTRACT_LIMITS.titleMaxChars + 1),
  );
  const metaDescription = firstNonEmpty(
    attribute(scan.metaContent.get('description'), 'content'),
    attribute(scan.metaContent.get('og:description'), 'content'),
  );
  const maxTextChars = Math.max(
    0,
    Math.min(input.maxTextChars ?? EXTRACT_LIMITS.defaultTextChars, EXTRACT_LIMITS.textMaxChars),
  );
  const main = mainText(mainContent(scan), maxTextChars, metaDescription === undefined);

  return {
    url: input.url,
    finalUrl: input.finalUrl,
    title: clipText(title ?? '', EXTRACT_LIMITS.titleMaxChars),
    description: clipText(metaDescription ?? main.paragraph ?? '', EXTRACT_LIMITS.descriptionMaxChars),
    text: clipText(main.text, maxTextChars),
    features,
    ...facts,
    fetchedAt: input.fetchedAt,
    bytes: input.bytes,
  };
}

function attribute(element: Element | undefined, name: string): string | undefined {
  return element?.attribs[name];
}

function textIn(element: Element | undefined, cap: number): string | undefined {
  return element === undefined ? undefined : textOf(element, cap);
}

function firstNonEmpty(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const text = collapseWhitespace(candidate ?? '');
    if (text !== '') return text;
  }
  return undefined;
}

/** The first candidate (`main`, `[role=main]`, `article`) with text outside boilerplate, else `<body>`. */
function mainContent(scan: PageScan): Element | undefined {
  const body = scan.mainCandidates.find((candidate) => candidate.name === 'body');
  for (const candidate of scan.mainCandidates) {
    if (candidate === body) continue;
    if (textOf(candidate, 1, isBoilerplate) !== '') return candidate;
  }
  return body;
}

/**
 * The main text of `root` without boilerplate, every block padded with spaces and `<br>` read as one, cut
 * after `maxChars`; and, when `wantParagraph`, the first `<p>` with at least MIN_DESCRIPTION_CHARS of text.
 * One iterative walk that stops as soon as both are known.
 */
function mainText(
  root: Element | undefined,
  maxChars: number,
  wantParagraph: boolean,
): { text: string; paragraph?: string } {
  const text = new CollapsedText(maxChars);
  let paragraph: { element: Element; text: CollapsedText } | undefined;
  let found: string | undefined;
  const stack: (AnyNode | { leave: Element })[] = root ? [root] : [];
  const searching = () => wantParagraph && found === undefined;
  while (stack.length > 0 && (!text.full || searching())) {
    const item = stack.pop() as AnyNode | { leave: Element };
    if ('leave' in item) {
      if (BLOCKS.has(item.leave.name)) text.append(' ');
      if (paragraph?.element === item.leave) {
        if (paragraph.text.value.length >= MIN_DESCRIPTION_CHARS) found = paragraph.text.value;
        paragraph = undefined;
      }
      continue;
    }
    if (isText(item)) {
      text.append(item.data);
      paragraph?.text.append(item.data);
      continue;
    }
    if (!hasChildren(item)) continue;
    if (isTag(item)) {
      if (item !== root && isBoilerplate(item)) continue;
      if (item.name === 'br') text.append(' ');
      if (BLOCKS.has(item.name) && item !== root) text.append(' ');
      if (item.name === 'p' && item !== root && paragraph === undefined && searching()) {
        paragraph = { element: item, text: new CollapsedText(EXTRACT_LIMITS.descriptionMaxChars) };
      }
      stack.push({ leave: item });
    }
    for (let index = item.children.length - 1; index >= 0; index -= 1) {
      stack.push(item.children[index] as AnyNode);
    }
  }
  return { text: text.value, ...(found !== undefined && { paragraph: found }) };
}
