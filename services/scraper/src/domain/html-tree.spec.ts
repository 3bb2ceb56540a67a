import { PageTooComplexError } from './errors.js';
import { extractPage } from './extract-page.js';
import { parseBoundedHtml } from './html-tree.js';
import { scanPage } from './page-scan.js';

const input = {
  url: 'https://a.example/',
  finalUrl: 'https://a.example/',
  bytes: 1,
  fetchedAt: '2025-11-21T05:49:00.000Z',
};
const nested = (depth: number) =>
  `<html><body>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</body></html>`;
const paragraphs = (count: number) => `<html><body>${'<p>x</p>'.repeat(count)}</body></html>`;

describe('parseBoundedHtml', () => {
  it('parses a page within both bounds', () => {
    // html, head, body and 97 paragraphs: exactly 100 elements.
    const document = parseBoundedHtml(paragraphs(97), { maxElements: 100, maxDepth: 3 });
    expect(document.children).toHaveLength(1);
  });

  it('stops at the first element past maxElements, naming SCRAPER_MAX_ELEMENTS', () => {
    expect(() => parseBoundedHtml(paragraphs(98), { maxElements: 100, maxDepth: 512 })).toThrow(
      new PageTooComplexError('more than 100 elements (SCRAPER_MAX_ELEMENTS)'),
    );
  });

  it('stops at the first element nested deeper than maxDepth, naming SCRAPER_MAX_DEPTH', () => {
    // html (1) > body (2) > 30 divs: the deepest at 32.
    expect(parseBoundedHtml(nested(30), { maxElements: 1_000, maxDepth: 32 }).children).toHaveLength(1);
    expect(() => parseBoundedHtml(nested(31), { maxElements: 1_000, maxDepth: 32 })).toThrow(
      new PageTooComplexError('elements nest deeper than 32 (SCRAPER_MAX_DEPTH)'),
    );
  });
});

describe('scanPage', () => {
  it('refuses a tree deeper than maxDepth even when the parser let it through', () => {
    const document = parseBoundedHtml(nested(40), { maxElements: 1_000, maxDepth: 512 });
    expect(() => scanPage(document, 32)).toThrow(PageTooComplexError);
  });
});

describe('extractPage on pages at the edge of its bounds', () => {
  it('reads a page of 5,000 nested divs without overflowing the stack when the bounds allow it', () => {
    const extract = extractPage(nested(5_000), input, { maxElements: 10_000, maxDepth: 10_000 });
    expect(extract.text).toBe('deep text');
  });

  it('refuses the same page with the default bounds', () => {
    expect(() => extractPage(nested(10_000), input)).toThrow(PageTooComplexError);
  });

  it('refuses the 469 KiB page of 60,000 paragraphs with the default bounds', () => {
    expect(() => extractPage(paragraphs(60_000), input)).toThrow(PageTooComplexError);
  });

  it('finds the license after thousands of terms without a definition, reading each term once', () => {
    const terms = '<dt>License</dt>'.repeat(5_000);
    const html = `<html><body><dl>${terms}<dd>MIT</dd><dt>Version</dt><dd>1.2.3</dd></dl></body></html>`;
    expect(extractPage(html, input)).toMatchObject({ license: 'MIT', version: '1.2.3' });
  });
});
