import { percentile } from '../stats/percentiles.js';

/** Marks the section of docs/reliability.md that `bench:extract --update-docs` replaces. */
export const EXTRACTION_MARKERS = {
  start: '<!-- bench:extraction:start -->',
  end: '<!-- bench:extraction:end -->',
} as const;

/** One scrape as the benchmark saw it: the page, and the times the scraper reported in `task.completed`. */
export interface ExtractionSample {
  /** `docs-10`, `docs-100`..., `wide`, `deep`. */
  readonly page: string;
  readonly kib: number;
  /** Extraction alone: the worker-pool round trip, as the handler measured it (`output.extractMs`). */
  readonly extractMs: number;
  /** The whole task: fetch over loopback, extraction and landing in the join (`durationMs`). */
  readonly taskMs: number;
  /**
   * CPU time the scraper process (all its threads) used over the scrape, from /proc, in 10 ms ticks: unlike
   * wall time it does not grow when other work shares the machine.
   */
  readonly cpuMs: number;
  /** `ok`, or the outcome's error code (`page-too-complex`). */
  readonly outcome: string;
}

/** The figures of one page over all its rounds. */
export interface ExtractionRow {
  readonly page: string;
  readonly kib: number;
  readonly rounds: number;
  readonly extractMs: { readonly p50: number; readonly p90: number };
  readonly taskMs: { readonly p50: number };
  /** Median extraction time per KiB of page, in microseconds. */
  readonly usPerKib: number;
  /** Mean CPU time of the scraper per page, and per KiB of page in microseconds: flat when the cost is linear. */
  readonly cpuMs: number;
  readonly cpuUsPerKib: number;
  readonly outcome: string;
}

/** A whole extraction benchmark run. */
export interface ExtractionReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly node: string };
  readonly rounds: number;
  readonly rows: readonly ExtractionRow[];
  /**
   * Per-KiB CPU time of the largest docs page over that of the 100 KiB one: about 1 when the cost is linear in
   * the page, about 10 (the size ratio) when it is quadratic.
   */
  readonly growth: number;
}

/** Groups samples by page (first-seen order) into rows. Pure; throws RangeError on a page without samples. */
export function summarizeExtraction(samples: readonly ExtractionSample[]): ExtractionRow[] {
  const pages = [...new Set(samples.map((sample) => sample.page))];
  return pages.map((page) => {
    const own = samples.filter((sample) => sample.page === page);
    const first = own[0];
    if (first === undefined) throw new RangeError(`no samples of ${page}`);
    const extract = own.map((sample) => sample.extractMs);
    const p50 = percentile(extract, 50);
    return {
      page,
      kib: first.kib,
      rounds: own.length,
      extractMs: { p50, p90: percentile(extract, 90) },
      taskMs: {
        p50: percentile(
          own.map((sample) => sample.taskMs),
          50,
        ),
      },
      usPerKib: (p50 * 1_000) / first.kib,
      cpuMs: mean(own.map((sample) => sample.cpuMs)),
      cpuUsPerKib: (mean(own.map((sample) => sample.cpuMs)) * 1_000) / first.kib,
      outcome: [...new Set(own.map((sample) => sample.outcome))].join(', '),
    };
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** `growth` of a report (see `ExtractionReport`): NaN when the 100 KiB or a larger docs page is missing. Pure. */
export function linearGrowth(rows: readonly ExtractionRow[]): number {
  const docs = rows.filter((row) => row.page.startsWith('docs-') && row.outcome === 'ok');
  const base = docs.find((row) => row.kib === 100);
  const largest = docs.reduce<ExtractionRow | undefined>(
    (max, row) => (max && max.kib >= row.kib ? max : row),
    undefined,
  );
  if (!base || !largest || largest.kib <= base.kib) return Number.NaN;
  return largest.cpuUsPerKib / base.cpuUsPerKib;
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** The Markdown table of a report, as docs/reliability.md shows it. Pure. */
export function renderExtractionMarkdown(report: ExtractionReport): string {
  const lines = [
    `Extraction benchmark (\`npm run bench:extract -w @swarm/bench\`), ${report.startedAt}: ${report.machine.cpus} CPUs, ` +
      `Node ${report.machine.node}, ${report.rounds} rounds per page, one scraper process with default settings.`,
    '',
    '| page | size | CPU per page (mean) | CPU per KiB | extraction p50 | extraction p90 | whole task p50 | outcome |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.rows.map(
      (row) =>
        `| ${row.page} | ${row.kib} KiB | ${ms(row.cpuMs)} ms | ${row.cpuUsPerKib.toFixed(0)} µs | ` +
        `${ms(row.extractMs.p50)} ms | ${ms(row.extractMs.p90)} ms | ${ms(row.taskMs.p50)} ms | ${row.outcome} |`,
    ),
    '',
    `CPU per KiB of the largest docs page over the 100 KiB one: ${report.growth.toFixed(2)} ` +
      '(1 when extraction is linear in the page, 10 when it is quadratic).',
  ];
  return `${lines.join('\n')}\n`;
}
