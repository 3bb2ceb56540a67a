/**
 * `npm run bench`: runs the benchmark, prints the Markdown table and writes JSON, Markdown and SVG into
 * `bench-results/`. Quick mode: `--quick` or `BENCH_QUICK=1`. Exits 1 when the harness itself fails; missed
 * targets are figures to read, not failures.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadBenchConfig } from './bench-config.js';
import { runBenchmark } from './harness/run-benchmark.js';
import { renderMarkdown } from './report/markdown-report.js';
import { defaultOutDir, docsFile, writeOutputs } from './report/write-outputs.js';
import type { BenchReport } from './stats/bench-results.js';

async function main(): Promise<void> {
  const config = loadBenchConfig(process.env, process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[bench +${((Date.now() - started) / 1_000).toFixed(0)}s] ${line}\n`);
  const report = config.reportFile
    ? (JSON.parse(await readFile(config.reportFile, 'utf8')) as BenchReport)
    : await runBenchmark(config, { agentsDir: fileURLToPath(new URL('./agents/', import.meta.url)), log });
  const docs = config.updateDocs ? docsFile() : undefined;
  const files = await writeOutputs(report, config.outDir ?? defaultOutDir(), docs);
  process.stdout.write(`${renderMarkdown(report)}\n`);
  log(`wrote ${files.json}, ${files.markdown} and ${files.svg}${docs ? ` and ${docs}` : ''}`);
}

// Ctrl+C or a kill: exit through process.exit, so the private servers' temp directories are removed on the way
// out (the servers and stage processes die with this process: setpriv --pdeathsig).
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
