import type { ExtractionReport, ExtractionSample } from './extraction-figures.js';
import { linearGrowth, renderExtractionMarkdown, summarizeExtraction } from './extraction-figures.js';

const sample = (page: string, kib: number, extractMs: number, outcome = 'ok'): ExtractionSample => ({
  page,
  kib,
  extractMs,
  taskMs: extractMs + 5,
  cpuMs: extractMs * 2,
  outcome,
});

describe('summarizeExtraction', () => {
  it('gives each page its median, p90 and per-KiB time, in first-seen order', () => {
    const rows = summarizeExtraction([
      sample('docs-100', 100, 12),
      sample('docs-10', 10, 2),
      sample('docs-100', 100, 10),
      sample('docs-100', 100, 30),
      sample('wide', 469, 600, 'page-too-complex'),
    ]);
    expect(rows.map((row) => row.page)).toEqual(['docs-100', 'docs-10', 'wide']);
    expect(rows[0]).toMatchObject({
      rounds: 3,
      extractMs: { p50: 12, p90: 30 },
      taskMs: { p50: 17 },
      usPerKib: 120,
    });
    expect(rows[2]?.outcome).toBe('page-too-complex');
  });
});

describe('linearGrowth', () => {
  it('is 1 when CPU per KiB stays flat and 10 when it grows with the size tenfold', () => {
    const linear = summarizeExtraction([sample('docs-100', 100, 10), sample('docs-1000', 1_000, 100)]);
    const quadratic = summarizeExtraction([sample('docs-100', 100, 10), sample('docs-1000', 1_000, 1_000)]);
    expect(linearGrowth(linear)).toBeCloseTo(1);
    expect(linearGrowth(quadratic)).toBeCloseTo(10);
  });

  it('is NaN without a 100 KiB docs page to compare with', () => {
    expect(linearGrowth(summarizeExtraction([sample('docs-1000', 1_000, 100)]))).toBeNaN();
  });
});

describe('renderExtractionMarkdown', () => {
  it('renders one row per page and the growth figure', () => {
    const rows = summarizeExtraction([sample('docs-100', 100, 10), sample('docs-1000', 1_000, 100)]);
    const report: ExtractionReport = {
      version: 1,
      startedAt: '2026-12-06T10:00:00.000Z',
      machine: { cpus: 2, node: 'v24.0.0' },
      rounds: 1,
      rows,
      growth: linearGrowth(rows),
    };
    const markdown = renderExtractionMarkdown(report);
    expect(markdown).toContain(
      '| docs-1000 | 1000 KiB | 200.0 ms | 200 µs | 100.0 ms | 100.0 ms | 105.0 ms | ok |',
    );
    expect(markdown).toContain('over the 100 KiB one: 1.00');
  });
});
