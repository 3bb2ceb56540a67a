import type { SystemResult } from '../stats/bench-results.js';
import { scaleEfficiency } from '../stats/derive.js';
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
