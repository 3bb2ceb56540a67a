import { uniqueName } from '@swarm/testing';
import type { BenchSettings, GrowthPoint, GrowthResult } from '../stats/bench-results.js';
import { growthGoals, growthPoint } from '../stats/growth-figures.js';
import { summarizeLatency } from '../stats/percentiles.js';
import type { BenchInfra, PipelineDriver, StageSettings } from '../systems/pipeline-driver.js';
import { createDriver } from '../systems/create-driver.js';
import { SYSTEM_LABELS } from '../systems/system-ids.js';
import { CpuMeter } from './cpu-meter.js';
import { goalIds, measureLatency, measureThroughput } from './measure.js';
import { Pipeline } from './pipeline.js';

/** What the growth runs of one pass need. */
export interface GrowthContext {
  readonly settings: BenchSettings;
  readonly infra: BenchInfra;
  readonly agentsDir: string;
  /** The machine's cores, the divisor of the headline goals/s per core. */
  readonly cores: number;
  readonly log: (line: string) => void;
}

const LATENCY_TIMEOUT_MS = 30_000;
const LATENCY_GAP_MS = 2;

/**
 * The "how cost grows" runs (issue 18, item 3) of every growth system, on the pass's servers: the search stage
 * fanning out to each of `fanOuts` scrapes per goal (joined before rank) with one replica per stage, then the
 * plain pipeline with each of `replicas` replicas of every stage (of the whole worker, for LangGraph and Restate).
 * Each point is measured as the main run is.
 */
export async function runGrowth(context: GrowthContext): Promise<GrowthResult[]> {
  const growth = context.settings.growth;
  if (!growth) return [];
  const results: GrowthResult[] = [];
  for (const id of growth.systems) {
    const fresh = () => createDriver(id, context.infra);
    if (!fresh().canFanOut) throw new Error(`${id} cannot fan out; it has no growth runs`);
    const fanOut: GrowthPoint[] = [];
    for (const count of growth.fanOuts) {
      const pipeline = await deploy(fresh(), context, { ...base(context), fanOut: count }, 'f');
      try {
        fanOut.push(await measurePoint(pipeline, context, { fanOut: count, replicas: 1 }));
      } finally {
        await pipeline.stop();
      }
    }
    const replicas: GrowthPoint[] = [];
    const pipeline = await deploy(fresh(), context, base(context), 'r');
    try {
      for (const count of [...growth.replicas].sort((a, b) => a - b)) {
        for (const role of pipeline.driver.roles) {
          // Whole workers restart at each count, so connections a balancer pinned to the old ones spread again.
          if (pipeline.driver.scaleOut === 'worker') await pipeline.stopStage(role);
          await pipeline.addReplicas(role, count - pipeline.replicaCount(role), base(context));
        }
        replicas.push(await measurePoint(pipeline, context, { fanOut: 0, replicas: count }));
      }
    } finally {
      await pipeline.stop();
    }
    results.push({ id, ...SYSTEM_LABELS[id], cores: context.cores, fanOut, replicas });
  }
  return results;
}

function base(context: GrowthContext): StageSettings {
  return { concurrency: context.settings.concurrency, workMs: 0 };
}

function deploy(
  driver: PipelineDriver,
  context: GrowthContext,
  settings: StageSettings,
  kind: string,
): Promise<Pipeline> {
  return Pipeline.deploy({
    driver,
    prefix: uniqueName(`bench_grow_${kind}_${driver.id.replace(/-/g, '_')}`),
    agentsDir: context.agentsDir,
    settings,
  });
}

/** Warm-up, throughput at saturation with CPU per goal, then latency one goal at a time. */
async function measurePoint(
  pipeline: Pipeline,
  context: GrowthContext,
  at: { readonly fanOut: number; readonly replicas: number },
): Promise<GrowthPoint> {
  const { settings, log } = context;
  const growth = settings.growth!;
  const id = pipeline.driver.id;
  const tag = `${at.fanOut}x${at.replicas}`;
  const goals = growthGoals(growth.tasks, at.fanOut);
  const run = { window: settings.window, stallMs: settings.quick ? 10_000 : 20_000 };
  const shape = at.fanOut > 0 ? `fan-out ${at.fanOut}` : 'one task per hop';
  log(`${id}: growth, ${shape}, ${at.replicas} replica(s) of every stage, ${goals} goals`);
  await measureThroughput(pipeline, goalIds(`gw${tag}`, Math.max(10, Math.ceil(goals / 4))), run);
  const meter = await CpuMeter.start(
    pipeline.processes().map((p) => p.process.pid),
    pipeline.driver.broker,
  );
  const throughput = await measureThroughput(pipeline, goalIds(`gt${tag}`, goals), run);
  const cpuMsPerGoal = await meter.stop(throughput.completed);
  const latencies = await measureLatency(pipeline, goalIds(`gl${tag}`, growth.latencyGoals), {
    timeoutMs: LATENCY_TIMEOUT_MS,
    gapMs: LATENCY_GAP_MS,
  });
  const point = growthPoint({
    ...at,
    processes: pipeline.processes().length,
    cores: context.cores,
    throughput,
    cpuMsPerGoal,
    latencyMs: summarizeLatency(latencies),
  });
  log(`${id}: ${throughput.goalsPerSec.toFixed(0)} goals/s, p99 ${point.latencyMs.p99.toFixed(1)} ms`);
  return point;
}
