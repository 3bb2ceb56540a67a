import { join } from 'node:path';
import type { ExtractionReport } from './extraction-figures.js';
import { runExtractionBench } from './run-extraction-bench.js';

// The extraction benchmark end to end in quick mode, with the built scraper (dist/) as its own process on a
// private nats-server: checks the figures are there and sane, never how fast anything is.
describe('the extraction benchmark in quick mode', () => {
  let report: ExtractionReport;

  beforeAll(async () => {
    report = await runExtractionBench({
      sizesKib: [100, 1_000],
      rounds: 2,
      warmup: 0,
      scraperEntry: join(__dirname, '../../../../services/scraper/dist/main.js'),
      log: () => undefined,
    });
  }, 170_000);

  it('extracts every docs page and measures it', () => {
    const docs = report.rows.filter((row) => row.page.startsWith('docs-'));
    expect(docs.map((row) => [row.page, row.kib, row.outcome])).toEqual([
      ['docs-100', 100, 'ok'],
      ['docs-1000', 1_000, 'ok'],
    ]);
    for (const row of docs) {
      expect(row.rounds).toBe(2);
      expect(row.extractMs.p50).toBeGreaterThan(0);
      expect(row.taskMs.p50).toBeGreaterThanOrEqual(row.extractMs.p50);
    }
    expect(Number.isFinite(report.growth)).toBe(true);
    expect(report.growth).toBeGreaterThan(0);
  });

  it("refuses issue 15's hostile pages as page-too-complex", () => {
    const hostile = report.rows.filter((row) => !row.page.startsWith('docs-'));
    expect(hostile.map((row) => [row.page, row.outcome])).toEqual([
      ['wide', 'page-too-complex'],
      ['deep', 'page-too-complex'],
    ]);
  });
});
