import type { PageExtract } from '@swarm/contracts';
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { extractFacts } from './page-facts.js';
import { extractFeatures } from './page-features.js';
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

/** Elements whose text is never main content. */
const BOILERPLATE =
  'script, style, nav, header, footer, aside, noscript, template, svg, iframe, button, [hidden]';
/** Elements that separate words: their text gets a space on each side. */
const BLOCKS =
  'address, article, blockquote, dd, div, dl, dt, figcaption, figure, h1, h2, h3, h4, h5, h6, hr, li, ' +
  'main, ol, p, pre, section, summary, table, td, th, tr, ul';
/** A paragraph shorter than this is a label, not a description. */
const MIN_DESCRIPTION_CHARS = 20;

/**
 * Extracts what the ranker needs from one HTML page. Title: `og:title`, else `<title>`, else the first `<h1>`.
 * Description: meta description, else `og:description`, else the first real paragraph of the main content.
 * Main text: `<main>`, else `[role=main]`, else `<article>`, else `<body>`, without scripts, styles,
 * navigation, headers, footers, asides and the like, whitespace-collapsed and cut at `maxTextChars`.
 * Features, license, version and install command: see `extractFeatures` and `extractFacts`. Every field is
 * cut to what the PageExtract contract allows, so the result always satisfies it (given valid URLs and date).
 * Never throws on malformed HTML. Pure.
 */
export function extractPage(html: string, input: ExtractPageInput): PageExtract {
  const $ = load(html);
  // Facts and features read the whole document, JSON-LD scripts included, before boilerplate goes.
  const facts = extractFacts($);
  const features = extractFeatures($);
  const title = firstNonEmpty(metaContent($, 'og:title'), $('title').first().text(), $('h1').first().text());
  const metaDescription = firstNonEmpty(metaContent($, 'description'), metaContent($, 'og:description'));

  $(BOILERPLATE).remove();
  const root = mainContent($);
  const description = metaDescription ?? firstParagraph($, root) ?? '';
  const maxTextChars = Math.min(
    input.maxTextChars ?? EXTRACT_LIMITS.defaultTextChars,
    EXTRACT_LIMITS.textMaxChars,
  );

  return {
    url: input.url,
    finalUrl: input.finalUrl,
    title: clipText(title ?? '', EXTRACT_LIMITS.titleMaxChars),
    description: clipText(description, EXTRACT_LIMITS.descriptionMaxChars),
    text: clipText(textOf($, root), Math.max(0, maxTextChars)),
    features,
    ...facts,
    fetchedAt: input.fetchedAt,
    bytes: input.bytes,
  };
}

function metaContent($: CheerioAPI, name: string): string | undefined {
  return $(`meta[name="${name}"], meta[property="${name}"]`).first().attr('content');
}

function firstNonEmpty(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const text = collapseWhitespace(candidate ?? '');
    if (text !== '') return text;
  }
  return undefined;
}

/** The main content element; the HTML parser always creates a `<body>` to fall back to. */
function mainContent($: CheerioAPI) {
  for (const selector of ['main', '[role="main"]', 'article']) {
    const candidate = $(selector).first();
    if (candidate.length > 0 && collapseWhitespace(candidate.text()) !== '') return candidate;
  }
  return $('body').first();
}

function firstParagraph($: CheerioAPI, root: ReturnType<typeof mainContent>): string | undefined {
  let found: string | undefined;
  root.find('p').each((_, paragraph) => {
    const text = collapseWhitespace($(paragraph).text());
    if (text.length >= MIN_DESCRIPTION_CHARS) {
      found = text;
      return false;
    }
    return undefined;
  });
  return found;
}

function textOf($: CheerioAPI, root: ReturnType<typeof mainContent>): string {
  root.find('br').replaceWith(' ');
  root.find(BLOCKS).each((_, element) => {
    $(element).prepend(' ').append(' ');
  });
  return collapseWhitespace(root.text());
}
