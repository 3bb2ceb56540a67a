/**
 * `npm run bench:extract`: scrapes documentation pages of 10, 100, 1,000 and 2,000 KiB and issue 15's hostile
 * pages through a real scraper agent, prints the Markdown table and writes JSON and Markdown into
 * `bench-results/` (`extraction-<time>.*`, `extraction-latest.*`); `--update-docs` also rewrites the figures in
 * `docs/reliability.md`. Quick mode: `--quick`. Exits 1 when the harness itself fails.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultOutDir, replaceResultsSection, workspaceRoot } from '../report/write-outputs.js';
import { loadExtractionBenchConfig } from './extraction-config.js';
import { EXTRACTION_MARKERS, renderExtractionMarkdown } from './extraction-figures.js';
import { runExtractionBench } from './run-extraction-bench.js';

async function main(): Promise<void> {
  const config = loadExtractionBenchConfig(process.env, process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[bench:extract] ${line}\n`);
  const report = await runExtractionBench({ ...config, log });
  const markdown = renderExtractionMarkdown(report);
  const outDir = defaultOutDir();
  await mkdir(outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  for (const [file, text] of [
    [`extraction-${stamp}.json`, json],
    [`extraction-${stamp}.md`, markdown],
    ['extraction-latest.json', json],
    ['extraction-latest.md', markdown],
  ] as const) {
    await writeFile(join(outDir, file), text);
  }
  if (config.updateDocs) {
    const docs = join(workspaceRoot(), 'docs', 'reliability.md');
    await writeFile(docs, replaceResultsSection(await readFile(docs, 'utf8'), markdown, EXTRACTION_MARKERS));
    log(`updated ${docs}`);
  }
  process.stdout.write(markdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:extract failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
