#!/usr/bin/env node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '@swarm/corpus';
import { EVAL_ERROR_CODES, EvalError } from './errors.js';
import { parseEvalOptions } from './eval-options.js';
import { startEvalSwarm } from './eval-swarm.js';
import { evaluate, tableRows } from './evaluation.js';
import { parseJudgedSet, publicJudgedSet } from './judged-set.js';
import { renderQualityTable, replaceBetweenMarkers } from './quality-table.js';

/** The workspace root: the nearest directory up from `from` holding nx.json. */
function workspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

async function main(): Promise<number> {
  const options = parseEvalOptions(process.argv.slice(2));
  // Checked against the corpus too: a judgment naming a package the corpus lacks is a broken judged set.
  const raw: unknown = options.set
    ? JSON.parse(readFileSync(path.resolve(options.set), 'utf8'))
    : publicJudgedSet();
  const set = parseJudgedSet(raw, new Set(loadCorpus().map((p) => p.name)));
  const unknown = options.only.filter((id) => !set.goals.some((goal) => goal.id === id));
  if (unknown.length > 0)
    throw new EvalError(EVAL_ERROR_CODES.invalidOption, `--only names unknown goals: ${unknown.join(', ')}`);
  const goals = options.only.length ? set.goals.filter((g) => options.only.includes(g.id)) : set.goals;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`starting the swarm on the embedded default (builtin brains, no network) for ${goals.length} goals...`);
  const swarm = await startEvalSwarm();
  try {
    const report = await evaluate(swarm.client, goals, {
      timeoutMs: options.timeoutMs,
      onGoal: (goal, score) => log(`  ${goal.id}: ${score.outcome}, ${score.returned} returned`),
    });
    const table = renderQualityTable(tableRows(report), report.summary);
    process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : table}\n`);
    if (options.writeDoc) {
      const doc = path.join(workspaceRoot(process.cwd()), 'docs', 'quality.md');
      const stamp = `Run ${report.startedAt.slice(0, 10)}, judged set version ${set.version}, ${goals.length} goals.`;
      writeFileSync(doc, replaceBetweenMarkers(readFileSync(doc, 'utf8'), `${stamp}\n\n${table}`));
      log(`table written to ${doc}`);
    }
    const unfinished = report.goals.filter((g) => g.run.outcome === 'failed' || g.run.outcome === 'timeout');
    return unfinished.length === 0 ? 0 : 1;
  } finally {
    await swarm.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof EvalError ? 2 : 1);
  },
);
