import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBenchConfig } from './bench-config.js';
import { runBenchmark } from './harness/run-benchmark.js';
import type { BenchReport } from './stats/bench-results.js';
import { writeOutputs } from './report/write-outputs.js';
import type { SystemId } from './systems/system-ids.js';
import { SYSTEM_IDS } from './systems/system-ids.js';

/** The peers whose one worker process runs the whole pipeline (a LangGraph graph, a Restate endpoint). */
const WHOLE_WORKER_SYSTEMS: readonly SystemId[] = ['langgraph', 'restate'];

// The quick benchmark keeps the harness from rotting: every system runs end to end on real servers (a private
// nats-server, redis-server, PostgreSQL and restate-server) with separate stage or worker processes built into
// dist/ by the build this target depends on. It checks the figures are sane, never how fast anything is: speed
// targets live in the benchmark itself.
describe('the benchmark in quick mode', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-quick-'));
  let report: BenchReport;

  beforeAll(async () => {
    const config = loadBenchConfig({ BENCH_QUICK: '1' });
    report = await runBenchmark(config, {
      agentsDir: join(__dirname, '..', 'dist', 'agents'),
      log: () => undefined,
    });
  }, 600_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('measures all six systems, the swarm with tracing on and off, in one run', () => {
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]!.systems.map((s) => s.id)).toEqual([...SYSTEM_IDS]);
  });

  it('completes every goal of the durable systems and gets a positive throughput from each', () => {
    for (const system of report.runs[0]!.systems) {
      expect(system.throughput.goalsPerSec).toBeGreaterThan(0);
      expect(system.throughput.handoffsPerSec).toBeCloseTo(system.throughput.goalsPerSec * 4, 6);
      if (system.id !== 'nest-nats') expect(system.throughput.lost).toBe(0);
    }
  });

  it("counts the peers' servers (postgres with its backends, restate-server) as their broker's CPU", () => {
    for (const system of report.runs[0]!.systems.filter((s) => WHOLE_WORKER_SYSTEMS.includes(s.id))) {
      expect(system.cpuMsPerGoal.broker).toBeGreaterThan(0);
    }
  });

  it('gets latency percentiles in order and memory from every stage or worker process', () => {
    for (const system of report.runs[0]!.systems) {
      const peer = WHOLE_WORKER_SYSTEMS.includes(system.id);
      expect(system.latencyMs.p50).toBeGreaterThan(0);
      expect(system.latencyMs.p99).toBeGreaterThanOrEqual(system.latencyMs.p50);
      expect(Object.keys(system.rssMb.idle)).toEqual(
        peer ? ['worker'] : ['search', 'scrape', 'rank', 'report'],
      );
      expect(system.scaleOutUnit).toBe(peer ? 'worker' : 'stage');
      expect(system.rssMb.idleMax).toBeGreaterThan(10);
      expect(system.rssMb.loadMax).toBeGreaterThan(10);
      expect(system.scaleOut.map((p) => p.replicas)).toEqual([1, 2, 4]);
      for (const point of system.scaleOut) expect(point.efficiency).toBeGreaterThan(0);
    }
  });

  it('takes every ratio against raw JetStream within the run, and all are finite', () => {
    const { relative, targets } = report.runs[0]!;
    expect(relative['raw']!.throughput).toBe(1);
    for (const id of SYSTEM_IDS) {
      for (const value of Object.values(relative[id]!)) expect(Number.isFinite(value)).toBe(true);
    }
    expect(targets.map((t) => t.id).sort()).toEqual([
      'added-latency-per-hop',
      'idle-rss',
      'scale-out-efficiency',
      'throughput-vs-bullmq',
      'throughput-vs-langgraph',
      'throughput-vs-raw',
      'throughput-vs-restate',
    ]);
  });

  it('grows every system that can fan out over each fan-out and replica count, every goal completed', () => {
    const growth = report.runs[0]!.growth!;
    expect(growth.map((g) => g.id)).toEqual(['raw', 'swarm-on', 'bullmq', 'langgraph', 'restate']);
    for (const system of growth) {
      expect(system.fanOut.map((p) => p.fanOut)).toEqual([1, 4]);
      expect(system.replicas.map((p) => p.replicas)).toEqual([1, 2]);
      for (const point of [...system.fanOut, ...system.replicas]) {
        expect(point.throughput.lost).toBe(0);
        expect(point.goalsPerSecPerCore).toBeGreaterThan(0);
        expect(point.goalsPerCpuSecond).toBeGreaterThan(0);
        expect(point.latencyMs.p50).toBeGreaterThan(0);
        expect(point.latencyMs.p99).toBeGreaterThanOrEqual(point.latencyMs.p50);
      }
    }
  });

  it('writes the table, the JSON and the chart', async () => {
    const files = await writeOutputs(report, outDir);
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown).toContain('| (a) raw JetStream |');
    expect(markdown).toContain('| (b) swarm, tracing on | 4 |'); // the fan-out table
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toMatchObject({ version: 1, reported: 0 });
    expect(readFileSync(files.svg, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    expect(existsSync(join(outDir, 'latest.md'))).toBe(true);
  });
});
