import { STAGES } from '../pipeline/stages.js';
import type { SystemId } from '../systems/system-ids.js';
import { BASELINE, SYSTEM_LABELS } from '../systems/system-ids.js';
import type { BenchRun, RelativeFigures, ScalePoint, SystemResult, TargetCheck } from './bench-results.js';

/**
 * Issue 18's targets for the swarm with tracing on: >= 0.5x raw JetStream's throughput, >= 1.0x BullMQ's, ahead of
 * (more than 1.0x) LangGraph and Restate; <= 0.3 ms added per hop at p50; an idle agent <= 100 MB; >= 90%
 * scale-out efficiency at 4 replicas.
 */
export const TARGETS = {
  throughputOverRaw: 0.5,
  throughputOverBullmq: 1.0,
  /** Strictly more: "ahead of" the peer. */
  throughputOverPeers: 1.0,
  addedPerHopMs: 0.3,
  scaleEfficiencyAt4: 0.9,
  idleRssMb: 100,
} as const;

const HOPS = STAGES.length;

/** Efficiency of each scale-out point: throughput(k) / (k * throughput(1)). Pure. */
export function scaleEfficiency(points: readonly { replicas: number; goalsPerSec: number }[]): ScalePoint[] {
  const single = points.find((p) => p.replicas === 1)?.goalsPerSec;
  return points.map((p) => ({
    ...p,
    efficiency: single && single > 0 ? p.goalsPerSec / (p.replicas * single) : Number.NaN,
  }));
}

/** Every system's figures over the baseline's, from the same run. Pure; empty without the baseline. */
export function relativeToBaseline(
  systems: readonly SystemResult[],
): Partial<Record<SystemId, RelativeFigures>> {
  const base = systems.find((s) => s.id === BASELINE);
  if (!base) return {};
  const out: Partial<Record<SystemId, RelativeFigures>> = {};
  for (const s of systems) {
    out[s.id] = {
      throughput: s.throughput.goalsPerSec / base.throughput.goalsPerSec,
      p50: s.latencyMs.p50 / base.latencyMs.p50,
      p99: s.latencyMs.p99 / base.latencyMs.p99,
      addedPerHopMs: (s.latencyMs.p50 - base.latencyMs.p50) / HOPS,
      rssIdle: s.rssMb.idleMax / base.rssMb.idleMax,
      cpuPerGoal: s.cpuMsPerGoal.total / base.cpuMsPerGoal.total,
      ...(s.scaleOut.length > 0 ? { scaleEfficiencyAt4: efficiencyAt(s, 4) / efficiencyAt(base, 4) } : {}),
    };
  }
  return out;
}

/** Efficiency at `replicas` (NaN when that point was not measured). */
export function efficiencyAt(system: SystemResult, replicas: number): number {
  return system.scaleOut.find((p) => p.replicas === replicas)?.efficiency ?? Number.NaN;
}

/**
 * Checks the targets ({@link TARGETS}) for the swarm with tracing on against the run; a target whose
 * other system did not run is left out. Pure.
 */
export function checkTargets(systems: readonly SystemResult[]): TargetCheck[] {
  const find = (id: SystemId) => systems.find((s) => s.id === id);
  const swarm = find('swarm-on');
  if (!swarm) return [];
  const checks: TargetCheck[] = [];
  const raw = find('raw');
  const bullmq = find('bullmq');
  if (raw) {
    const ratio = swarm.throughput.goalsPerSec / raw.throughput.goalsPerSec;
    checks.push({
      id: 'throughput-vs-raw',
      description: 'throughput, swarm (tracing on) over raw JetStream',
      target: `>= ${TARGETS.throughputOverRaw}x`,
      measured: ratio,
      unit: 'x',
      met: ratio >= TARGETS.throughputOverRaw,
    });
    const added = (swarm.latencyMs.p50 - raw.latencyMs.p50) / HOPS;
    checks.push({
      id: 'added-latency-per-hop',
      description: 'unloaded latency the swarm (tracing on) adds per hop over raw JetStream (p50)',
      target: `<= ${TARGETS.addedPerHopMs} ms`,
      measured: added,
      unit: 'ms',
      met: added <= TARGETS.addedPerHopMs,
    });
  }
  if (bullmq) {
    const ratio = swarm.throughput.goalsPerSec / bullmq.throughput.goalsPerSec;
    checks.push({
      id: 'throughput-vs-bullmq',
      description: 'throughput, swarm (tracing on) over BullMQ',
      target: `>= ${TARGETS.throughputOverBullmq.toFixed(1)}x`,
      measured: ratio,
      unit: 'x',
      met: ratio >= TARGETS.throughputOverBullmq,
    });
  }
  for (const peer of ['langgraph', 'restate'] as const) {
    const other = find(peer);
    if (!other) continue;
    const ratio = swarm.throughput.goalsPerSec / other.throughput.goalsPerSec;
    checks.push({
      id: `throughput-vs-${peer}`,
      description: `throughput, swarm (tracing on) over ${SYSTEM_LABELS[peer].label} (ahead of it)`,
      target: `> ${TARGETS.throughputOverPeers.toFixed(1)}x`,
      measured: ratio,
      unit: 'x',
      met: ratio > TARGETS.throughputOverPeers,
    });
  }
  const efficiency = efficiencyAt(swarm, 4);
  if (!Number.isNaN(efficiency)) {
    checks.push({
      id: 'scale-out-efficiency',
      description: 'scale-out efficiency of the I/O-bound stage at 4 replicas, swarm (tracing on)',
      target: `>= ${TARGETS.scaleEfficiencyAt4 * 100}%`,
      measured: efficiency,
      unit: '',
      met: efficiency >= TARGETS.scaleEfficiencyAt4,
    });
  }
  checks.push({
    id: 'idle-rss',
    description: 'RSS of an idle swarm agent (the largest of the four)',
    target: `<= ${TARGETS.idleRssMb} MB`,
    measured: swarm.rssMb.idleMax,
    unit: 'MB',
    met: swarm.rssMb.idleMax <= TARGETS.idleRssMb,
  });
  return checks;
}

/** The index of the quietest run: the least CPU used by other processes while it ran. Pure. */
export function quietestRun(runs: readonly Pick<BenchRun, 'foreignCpuShare'>[]): number {
  let best = 0;
  runs.forEach((run, index) => {
    if (run.foreignCpuShare < runs[best]!.foreignCpuShare) best = index;
  });
  return best;
}
