import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BenchReport } from '../stats/bench-results.js';
import { renderMarkdown } from './markdown-report.js';
import { renderSvgChart } from './svg-chart.js';

/** Marks the section of a Markdown file that `--docs` replaces with the latest results. */
export const DOCS_MARKERS = {
  start: '<!-- bench:results:start -->',
  end: '<!-- bench:results:end -->',
} as const;

/** The files one benchmark wrote. */
export interface WrittenOutputs {
  readonly json: string;
  readonly markdown: string;
  readonly svg: string;
}

/** The workspace root: the nearest directory at or above `from` holding `nx.json` (else `from`). */
export function workspaceRoot(from = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
  return dir;
}

/** `<repo>/bench-results` (gitignored). */
export function defaultOutDir(from = process.cwd()): string {
  return join(workspaceRoot(from), 'bench-results');
}

/** `<repo>/docs/benchmarks.md`, whose results section `--update-docs` replaces. */
export function docsFile(from = process.cwd()): string {
  return join(workspaceRoot(from), 'docs', 'benchmarks.md');
}

/**
 * Replaces the text between the markers (by default the results markers of docs/benchmarks.md) with `section`.
 * Pure; throws when the markers are missing.
 */
export function replaceResultsSection(
  document: string,
  section: string,
  markers: { readonly start: string; readonly end: string } = DOCS_MARKERS,
): string {
  const start = document.indexOf(markers.start);
  const end = document.indexOf(markers.end);
  if (start < 0 || end < start) {
    throw new Error(`no ${markers.start} ... ${markers.end} section to replace`);
  }
  return `${document.slice(0, start + markers.start.length)}\n\n${section.trim()}\n\n${document.slice(end)}`;
}

/**
 * Writes the report as JSON, Markdown and SVG into `outDir` (`bench-<time>.*` and `latest.*`), and the Markdown
 * into the results section of `docsFile` when given.
 */
export async function writeOutputs(
  report: BenchReport,
  outDir: string,
  docsFile?: string,
): Promise<WrittenOutputs> {
  await mkdir(outDir, { recursive: true });
  const run = report.runs[report.reported]!;
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  const markdown = renderMarkdown(report);
  const svg = renderSvgChart(
    run,
    `${report.machine.cpus} CPUs, Node ${report.machine.node}, nats-server ${report.machine.natsServer}, ` +
      `Redis ${report.machine.redis}; run ${run.index + 1} of ${report.runs.length}, ${run.startedAt}`,
  );
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const files: WrittenOutputs = {
    json: join(outDir, `bench-${stamp}.json`),
    markdown: join(outDir, `bench-${stamp}.md`),
    svg: join(outDir, `bench-${stamp}.svg`),
  };
  for (const [file, text] of [
    [files.json, json],
    [files.markdown, markdown],
    [files.svg, svg],
    [join(outDir, 'latest.json'), json],
    [join(outDir, 'latest.md'), markdown],
    [join(outDir, 'latest.svg'), svg],
  ] as const) {
    await writeFile(file, text);
  }
  if (docsFile) await writeFile(docsFile, replaceResultsSection(await readFile(docsFile, 'utf8'), markdown));
  return files;
}
