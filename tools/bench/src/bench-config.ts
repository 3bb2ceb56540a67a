import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BenchError } from './errors.js';
import { workspaceRoot } from './report/write-outputs.js';
import type { BenchSettings } from './stats/bench-results.js';
import type { SystemId } from './systems/system-ids.js';
import { isSystemId, SYSTEM_IDS } from './systems/system-ids.js';

const count = z.coerce.number().int().min(1);
/** A comma-separated list of counts, e.g. `1,10,50`. */
const countList = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be counts separated by commas, e.g. "1,10,50"')
  .transform((list) => list.split(',').map((n) => Number(n.trim())))
  .pipe(z.array(z.int().min(1).max(1_000)).min(1));

/**
 * The benchmark's environment. Every count has a full and a quick default (`BENCH_QUICK=1` or `--quick`):
 *
 * | variable | full | quick | what |
 * | --- | ---: | ---: | --- |
 * | BENCH_RUNS | 2 | 1 | complete passes over every system; the quieter one is reported |
 * | BENCH_WARMUP_GOALS | 500 | 30 | goals before measuring |
 * | BENCH_LATENCY_GOALS | 200 | 20 | goals sent one at a time |
 * | BENCH_GOALS | 4000 | 150 | goals of the throughput run |
 * | BENCH_WINDOW | 500 | 100 | goals in flight at most during the throughput run |
 * | BENCH_CONCURRENCY | 32 | 8 | tasks one stage process works on at once |
 * | BENCH_SCALE_GOALS | 100 | 8 | goals per replica in the scale-out run |
 * | BENCH_SCALE_WORK_MS | 20 | 20 | simulated I/O of the scaled stage |
 * | BENCH_GROWTH_SYSTEMS | raw,swarm-on,bullmq,langgraph,restate | same | systems of the "how cost grows" runs, of those that run (NestJS NATS cannot fan out; `none` skips the runs) |
 * | BENCH_FANOUTS | 1,10,50 | 1,4 | scrapes per goal the search stage fans out to (joined before rank), one run each |
 * | BENCH_GROWTH_REPLICAS | 1,4,8 | 1,2 | replicas of every stage, one run each (plain pipeline, one task per hop) |
 * | BENCH_GROWTH_TASKS | 6000 | 200 | tasks per growth run: goals = max(20, tasks / tasks per goal) |
 * | BENCH_GROWTH_LATENCY_GOALS | 100 | 10 | goals one at a time per growth run (its p50 / p99) |
 */
export const BenchEnv = z.object({
  BENCH_QUICK: z.enum(['0', '1', 'true', 'false', '']).optional(),
  BENCH_RUNS: count.max(10).optional(),
  BENCH_WARMUP_GOALS: count.optional(),
  BENCH_LATENCY_GOALS: count.optional(),
  BENCH_GOALS: count.optional(),
  BENCH_WINDOW: count.optional(),
  BENCH_CONCURRENCY: count.max(1_000).optional(),
  BENCH_SCALE_GOALS: count.optional(),
  BENCH_SCALE_WORK_MS: count.max(10_000).optional(),
  BENCH_GROWTH_SYSTEMS: z.string().optional(),
  BENCH_FANOUTS: countList.optional(),
  BENCH_GROWTH_REPLICAS: countList.pipe(z.array(z.int().max(32))).optional(),
  BENCH_GROWTH_TASKS: count.optional(),
  BENCH_GROWTH_LATENCY_GOALS: count.optional(),
  /** Systems to run, comma-separated (default all). */
  BENCH_SYSTEMS: z.string().optional(),
  /** Profile a stage process of (a) and (b) with `--cpu-prof` after the runs (default: on, off in quick mode). */
  BENCH_PROFILE: z.enum(['0', '1', 'true', 'false', '']).optional(),
  /** Use this NATS server instead of spawning a private one (the shared one adds other people's load). */
  BENCH_NATS_URL: z.string().min(1).optional(),
  /** Redis to use when no `redis-server` binary can be spawned. */
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
});

/** A parsed benchmark invocation. */
export interface BenchConfig {
  readonly settings: BenchSettings;
  readonly profile: boolean;
  readonly natsUrl: string | undefined;
  readonly redisUrl: string;
  /** Where results go; default `<repo>/bench-results`. */
  readonly outDir: string | undefined;
  /** Replace the results section of `<repo>/docs/benchmarks.md` with this run's (`--update-docs`). */
  readonly updateDocs: boolean;
  /** Render this saved JSON report instead of running (`--report FILE`), e.g. the quieter of two invocations. */
  readonly reportFile: string | undefined;
}

const flag = (value: string | undefined) => value === '1' || value === 'true';

/**
 * Reads the benchmark's settings from the environment and the command line (`--quick`, `--runs N`,
 * `--systems a,b`, `--out DIR`, `--update-docs`, `--report FILE`, `--no-profile`); flags win over variables.
 * @throws {BenchError} `invalid-options` naming the bad value.
 */
export function loadBenchConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[] = [],
): BenchConfig {
  const parsedEnv = BenchEnv.safeParse(env);
  if (!parsedEnv.success) {
    const detail = parsedEnv.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`)
      .join('; ');
    throw new BenchError('invalid-options', `invalid benchmark settings: ${detail}`);
  }
  const e = parsedEnv.data;
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' },
        runs: { type: 'string' },
        systems: { type: 'string' },
        out: { type: 'string' },
        'update-docs': { type: 'boolean' },
        report: { type: 'string' },
        'no-profile': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new BenchError('invalid-options', (error as Error).message.toLowerCase());
  }
  const quick = args.quick === true || flag(e.BENCH_QUICK);
  const root = workspaceRoot(); // relative --out and --report paths start at the repository root
  const runs = args.runs !== undefined ? count.max(10).safeParse(args.runs) : undefined;
  if (runs && !runs.success)
    throw new BenchError('invalid-options', `--runs must be 1 to 10, got "${args.runs}"`);
  const systems = parseSystems(args.systems ?? e.BENCH_SYSTEMS);
  const profileWanted =
    e.BENCH_PROFILE === undefined || e.BENCH_PROFILE === '' ? !quick : flag(e.BENCH_PROFILE);
  return {
    settings: {
      quick,
      runs: runs?.data ?? e.BENCH_RUNS ?? (quick ? 1 : 2),
      warmupGoals: e.BENCH_WARMUP_GOALS ?? (quick ? 30 : 500),
      latencyGoals: e.BENCH_LATENCY_GOALS ?? (quick ? 20 : 200),
      throughputGoals: e.BENCH_GOALS ?? (quick ? 150 : 4_000),
      window: e.BENCH_WINDOW ?? (quick ? 100 : 500),
      concurrency: e.BENCH_CONCURRENCY ?? (quick ? 8 : 32),
      scaleGoalsPerReplica: e.BENCH_SCALE_GOALS ?? (quick ? 8 : 100),
      scaleReplicas: [1, 2, 4],
      scaleWorkMs: e.BENCH_SCALE_WORK_MS ?? 20,
      systems,
      growth: {
        systems: parseGrowthSystems(e.BENCH_GROWTH_SYSTEMS, systems),
        fanOuts: e.BENCH_FANOUTS ?? (quick ? [1, 4] : [1, 10, 50]),
        replicas: e.BENCH_GROWTH_REPLICAS ?? (quick ? [1, 2] : [1, 4, 8]),
        tasks: e.BENCH_GROWTH_TASKS ?? (quick ? 200 : 6_000),
        latencyGoals: e.BENCH_GROWTH_LATENCY_GOALS ?? (quick ? 10 : 100),
      },
    },
    profile: args['no-profile'] === true ? false : profileWanted,
    natsUrl: e.BENCH_NATS_URL,
    redisUrl: e.REDIS_URL,
    outDir: args.out === undefined ? undefined : resolve(root, args.out),
    updateDocs: args['update-docs'] === true,
    reportFile: args.report === undefined ? undefined : resolve(root, args.report),
  };
}

/** The systems that can fan out (their drivers join scrapes): the growth runs measure only these. */
export const GROWTH_CAPABLE: readonly SystemId[] = [
  'raw',
  'swarm-off',
  'swarm-on',
  'bullmq',
  'langgraph',
  'restate',
];
/** The growth runs' default systems: every one that can fan out, the swarm with tracing on. */
const GROWTH_DEFAULT = 'raw,swarm-on,bullmq,langgraph,restate';

function parseGrowthSystems(list: string | undefined, running: readonly SystemId[]): SystemId[] {
  if (list?.trim() === 'none') return [];
  const wanted = parseSystems(list ?? GROWTH_DEFAULT);
  const unable = wanted.filter((id) => !GROWTH_CAPABLE.includes(id));
  if (unable.length > 0) {
    throw new BenchError(
      'invalid-options',
      `BENCH_GROWTH_SYSTEMS: "${unable.join('", "')}" cannot fan out; choose from ${GROWTH_CAPABLE.join(', ')}`,
    );
  }
  return wanted.filter((id) => running.includes(id));
}

function parseSystems(list: string | undefined): SystemId[] {
  if (list === undefined || list.trim() === '') return [...SYSTEM_IDS];
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isSystemId(name));
  if (unknown.length > 0) {
    throw new BenchError(
      'invalid-options',
      `unknown system "${unknown.join('", "')}"; known: ${SYSTEM_IDS.join(', ')}`,
    );
  }
  return SYSTEM_IDS.filter((id) => names.includes(id));
}
