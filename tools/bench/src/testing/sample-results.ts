import type { BenchReport, BenchRun, GrowthResult, SystemResult } from '../stats/bench-results.js';
import { growthPoint } from '../stats/growth-figures.js';
import { checkTargets, relativeToBaseline, scaleEfficiency } from '../stats/derive.js';
import { STAGES } from '../pipeline/stages.js';
import type { ScaleOutUnit } from '../systems/pipeline-driver.js';
import type { SystemId } from '../systems/system-ids.js';
import { SYSTEM_LABELS } from '../systems/system-ids.js';

/** A plausible measured system for tests of the pure reporting code. */
export function sampleSystem(
  id: SystemId,
  figures: {
    goalsPerSec: number;
    p50: number;
    p99: number;
    idleMb: number;
    scale?: readonly number[];
    scaleOutUnit?: ScaleOutUnit;
  },
): SystemResult {
  const scale = figures.scaleOutUnit === 'none' ? [] : (figures.scale ?? [50, 98, 190]);
  const roles = figures.scaleOutUnit === 'worker' || figures.scaleOutUnit === 'none' ? ['worker'] : STAGES;
  const perRole = (mb: number) => Object.fromEntries(roles.map((role) => [role, mb]));
  return {
    id,
    ...SYSTEM_LABELS[id],
    throughput: {
      goals: 1_000,
      completed: 1_000,
      lost: 0,
      elapsedMs: (1_000 / figures.goalsPerSec) * 1_000,
      goalsPerSec: figures.goalsPerSec,
      handoffsPerSec: figures.goalsPerSec * 4,
    },
    latencyMs: {
      samples: 200,
      min: figures.p50 * 0.8,
      p50: figures.p50,
      p90: (figures.p50 + figures.p99) / 2,
      p99: figures.p99,
      max: figures.p99 * 1.5,
      mean: figures.p50 * 1.1,
    },
    rssMb: {
      idle: perRole(figures.idleMb),
      load: perRole(figures.idleMb * 1.5),
      idleMax: figures.idleMb,
      loadMax: figures.idleMb * 1.5,
    },
    cpuMsPerGoal: { stages: 2, broker: 1, harness: 0.5, total: 3.5, othersShare: 0.05 },
    scaleOut: scaleEfficiency(scale.map((goalsPerSec, i) => ({ replicas: 2 ** i, goalsPerSec }))),
    scaleOutUnit: figures.scaleOutUnit ?? 'stage',
    loadAverage: { before: 1.5, after: 2.5 },
  };
}

/** Every system as one run might measure them. */
export function sampleSystems(): SystemResult[] {
  return [
    sampleSystem('raw', { goalsPerSec: 2_000, p50: 2.0, p99: 4.0, idleMb: 60 }),
    sampleSystem('swarm-off', { goalsPerSec: 1_000, p50: 4.0, p99: 9.0, idleMb: 110 }),
    sampleSystem('swarm-on', { goalsPerSec: 900, p50: 4.4, p99: 10.0, idleMb: 120 }),
    sampleSystem('bullmq', { goalsPerSec: 500, p50: 6.0, p99: 12.0, idleMb: 70 }),
    sampleSystem('nest-nats', { goalsPerSec: 3_000, p50: 1.6, p99: 3.0, idleMb: 80 }),
    sampleSystem('langgraph', { goalsPerSec: 300, p50: 9.0, p99: 20.0, idleMb: 160, scaleOutUnit: 'worker' }),
    sampleSystem('restate', { goalsPerSec: 700, p50: 5.0, p99: 11.0, idleMb: 85, scaleOutUnit: 'worker' }),
  ];
}

/** Growth runs of raw JetStream and the swarm as one run might measure them, on a two-core machine. */
export function sampleGrowth(): GrowthResult[] {
  const point = (fanOut: number, replicas: number, goalsPerSec: number, cpuMs: number, p99: number) =>
    growthPoint({
      fanOut,
      replicas,
      processes: replicas * 4,
      cores: 2,
      throughput: {
        goals: 100,
        completed: 100,
        lost: 0,
        elapsedMs: (100 / goalsPerSec) * 1_000,
        goalsPerSec,
        handoffsPerSec: goalsPerSec * 4,
      },
      cpuMsPerGoal: {
        stages: cpuMs / 2,
        broker: cpuMs / 4,
        harness: cpuMs / 4,
        total: cpuMs,
        othersShare: 0,
      },
      latencyMs: { samples: 10, min: 1, p50: p99 / 2, p90: p99 / 1.5, p99, max: p99, mean: p99 / 2 },
    });
  return [
    {
      id: 'raw',
      ...SYSTEM_LABELS.raw,
      cores: 2,
      fanOut: [point(1, 1, 1_600, 1.2, 6), point(10, 1, 400, 5, 14), point(50, 1, 90, 22, 40)],
      replicas: [point(0, 1, 2_000, 1, 4), point(0, 4, 1_800, 1.1, 9), point(0, 8, 1_500, 1.3, 16)],
    },
    {
      id: 'swarm-on',
      ...SYSTEM_LABELS['swarm-on'],
      cores: 2,
      fanOut: [point(1, 1, 600, 3.3, 12), point(10, 1, 120, 16, 30), point(50, 1, 25, 80, 90)],
      replicas: [point(0, 1, 900, 2.2, 10), point(0, 4, 700, 2.8, 20), point(0, 8, 500, 4, 35)],
    },
  ];
}

/** One pass over every sample system, with its ratios and target checks. */
export function sampleRun(): BenchRun {
  const systems = sampleSystems();
  return {
    index: 0,
    startedAt: '2026-11-21T06:00:00.000Z',
    finishedAt: '2026-11-21T06:05:00.000Z',
    systems,
    relative: relativeToBaseline(systems),
    targets: checkTargets(systems),
    loadAverage: { before: [1, 1, 1], after: [2, 1.5, 1.2] },
    foreignCpuShare: 0.05,
  };
}

/** A whole report of one sample pass (no profiles, no ablation, two footprint steps). */
export function sampleReport(): BenchReport {
  return {
    version: 1,
    settings: {
      quick: false,
      runs: 1,
      warmupGoals: 100,
      latencyGoals: 200,
      throughputGoals: 1_000,
      window: 500,
      concurrency: 32,
      scaleGoalsPerReplica: 100,
      scaleReplicas: [1, 2, 4],
      scaleWorkMs: 20,
      systems: ['raw', 'swarm-off', 'swarm-on', 'bullmq', 'nest-nats', 'langgraph', 'restate'],
    },
    machine: {
      cpus: 2,
      cpuModel: 'test cpu',
      memoryGiB: 24,
      node: 'v20.20.2',
      natsServer: '2.9.10',
      redis: '7.0.15',
      redisOrigin: 'spawned',
      postgres: '15.20',
      restate: '1.7.12',
      os: 'linux',
    },
    runs: [sampleRun()],
    reported: 0,
    profiles: [],
    ablation: [],
    footprint: [
      { name: 'node alone', rssMb: 40 },
      { name: '+ NestJS', rssMb: 80 },
    ],
  };
}
