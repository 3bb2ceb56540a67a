import { docsPage, HOSTILE_PAGES } from './docs-page.js';

describe('docsPage', () => {
  it.each([10, 100, 1_000])('is %i KiB, give or take one section', (kib) => {
    const bytes = Buffer.byteLength(docsPage(kib));
    expect(bytes).toBeGreaterThanOrEqual(kib * 1_024);
    expect(bytes).toBeLessThan(kib * 1_024 + 2_048);
  });

  it('is the same page every time', () => {
    expect(docsPage(50)).toBe(docsPage(50));
  });

  it('has about 13 elements per KiB, inside the scraper default of 50,000 at the 2 MiB size limit', () => {
    const elements = (docsPage(100).match(/<[a-z][a-z0-9]*/g) ?? []).length;
    expect(elements / 100).toBeGreaterThan(10);
    expect(elements / 100).toBeLessThan(16);
  });
});

describe('HOSTILE_PAGES', () => {
  it('holds the 469 KiB page of 60,000 paragraphs and the page of 10,000 nested divs', () => {
    expect((HOSTILE_PAGES.wide.match(/<p>/g) ?? []).length).toBe(60_000);
    expect(Math.round(HOSTILE_PAGES.wide.length / 1_024)).toBe(469);
    expect((HOSTILE_PAGES.deep.match(/<div>/g) ?? []).length).toBe(10_000);
  });
});
