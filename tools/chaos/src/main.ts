import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHAOS_ERROR_CODES, ChaosError } from './errors.js';
import { reapAllNow } from './harness/agent-reaper.js';
import { DEFAULT_FAN_OUT } from './harness/chaos-agent-env.js';
import { runClusteredCasRace } from './repro/clustered-cas.repro.js';
import { runOutageResend } from './repro/outage-resend.repro.js';
import { runRankDeadLetter } from './repro/rank-dead-letter.repro.js';
import { renderResultDetail, renderResultTable } from './report/result-table.js';
import type { ScenarioResult } from './report/scenario-result.js';
import { scenarioPassed } from './report/scenario-result.js';
import type { RunMode } from './scenarios/catalog.js';
import { SCENARIOS } from './scenarios/catalog.js';

const USAGE = `usage: chaos [--quick] [--only 1,4,5] [--fanout <n>] [--out <dir>]
       chaos --repro clustered-cas [--rounds <n>]
       chaos --repro outage-resend
       chaos --repro rank-dead-letter

Runs the chaos and load scenarios against a real nats-server (spawned per scenario) and the four agents as
separate processes, prints each scenario's figures and a table, and writes the results as JSON to <dir>
(default chaos-results/). --quick runs the CI sizes; --fanout sets the candidates scraped per goal (default 2).
Exit code 0 when no scenario lost a goal or delivered one twice (beyond the documented send window), 1
otherwise, 2 on bad usage.

--repro clustered-cas races two compare-and-set updates of one goal's join, on a 3-node cluster and on a single
server, as the scrape join does; exit 1 when the cluster loses updates. --repro outage-resend kills nats-server
right after the webhook receiver got a report and before the agent records it; exit 1 when the report is sent
twice. --repro rank-dead-letter dead-letters a rank task and a report task; exit 1 when one of them leaves its
goal without goal.failed.`;

function parseOnly(value: string | undefined): Set<number> | undefined {
  if (value === undefined) return undefined;
  const numbers = value.split(',').map((part) => Number(part.trim()));
  const known = new Set(SCENARIOS.map((s) => s.number));
  const bad = numbers.filter((n) => !known.has(n));
  if (bad.length > 0)
    throw new ChaosError(
      CHAOS_ERROR_CODES.invalidOption,
      `--only names unknown scenario(s) ${bad.join(', ')}; known: ${[...known].join(', ')}`,
    );
  return new Set(numbers);
}

async function runRepro(name: string, rounds: number): Promise<number> {
  if (name === 'outage-resend') {
    const report = await runOutageResend(process.env);
    process.stdout.write(
      `goal ${report.goalId}: nats-server killed for ${report.outageSeconds} s right after the webhook received ` +
        `the report: ${report.deliveries} deliveries (idempotency keys: ${report.idempotencyKeys.join(', ')}); ` +
        `final: ${report.final}\n`,
    );
    return report.deliveries > 1 ? 1 : 0;
  }
  if (name === 'rank-dead-letter') {
    const reports = await runRankDeadLetter(process.env);
    for (const report of reports) {
      process.stdout.write(
        `${report.queue} task of ${report.goalId}: dead-lettered (${report.deadLetterReason ?? 'no record'}); ` +
          `goal.failed published: ${report.goalFailed ? 'yes' : 'NO, the goal never ends'}\n`,
      );
    }
    return reports.every((report) => report.goalFailed) ? 0 : 1;
  }
  if (name !== 'clustered-cas') {
    process.stderr.write(
      `unknown --repro "${name}"; known: clustered-cas, outage-resend, rank-dead-letter\n`,
    );
    return 2;
  }
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10_000) {
    process.stderr.write('--rounds must be a whole number from 1 to 10000\n');
    return 2;
  }
  let lost = 0;
  for (const target of ['single', 'cluster'] as const) {
    const report = await runClusteredCasRace(target, rounds);
    lost += target === 'cluster' ? report.lostUpdates : 0;
    process.stdout.write(
      `${target} (nats-server ${report.serverVersion}, R${target === 'cluster' ? 3 : 1}): ${report.rounds} rounds of two ` +
        `concurrent join updates: ${report.lostUpdates} lost an update, ${report.wrongCompletions} did not have ` +
        'exactly one update complete the join\n',
    );
  }
  return lost > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        out: { type: 'string', default: 'chaos-results' },
        fanout: { type: 'string' },
        repro: { type: 'string' },
        rounds: { type: 'string', default: '200' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let only: Set<number> | undefined;
  try {
    only = parseOnly(args.only);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (args.repro !== undefined) return runRepro(args.repro, Number(args.rounds));
  const fanOut = args.fanout === undefined ? undefined : Number(args.fanout);
  if (fanOut !== undefined && !(Number.isInteger(fanOut) && fanOut >= 1 && fanOut <= 10)) {
    process.stderr.write(`--fanout must be a whole number from 1 to 10, got ${args.fanout}\n`);
    return 2;
  }
  const mode: RunMode = args.quick ? 'quick' : 'full';
  const selected = SCENARIOS.filter((s) => only === undefined || only.has(s.number));
  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  const log = (line: string) => process.stdout.write(`    ${line}\n`);
  process.stdout.write(`chaos suite (${mode}): ${selected.map((s) => s.number).join(', ')}\n`);
  for (const scenario of selected) {
    process.stdout.write(`\n[${scenario.number}] ${scenario.name} ...\n`);
    try {
      const result = await scenario.run(mode, { env: process.env, log, fanOut });
      results.push(result);
      process.stdout.write(`${renderResultDetail(result)}\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`[${scenario.number}] ${scenario.name}: could not run: ${message}\n`);
      results.push({
        number: scenario.number,
        name: scenario.name,
        title: `${scenario.name} (did not run)`,
        submitted: 0,
        completed: 0,
        failed: 0,
        lost: 0,
        duplicatedDeliveries: 0,
        resends: 0,
        resendsExplained: 0,
        deadLettered: 0,
        durationSeconds: 0,
        figures: {},
        checks: [{ name: 'the scenario ran', ok: false, detail: message }],
        notes: [],
      });
    }
  }
  process.stdout.write(`\n${renderResultTable(results)}\n`);
  const outDir = path.resolve(args.out);
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `chaos-${mode}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        mode,
        fanOut: fanOut ?? DEFAULT_FAN_OUT,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        host: { cpus: cpus().length, node: process.version, platform: process.platform },
        results,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`results written to ${path.relative(process.cwd(), file)}\n`);
  return results.every(scenarioPassed) ? 0 : 1;
}

process.once('SIGINT', () => {
  reapAllNow();
  process.exit(130);
});
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`chaos failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
