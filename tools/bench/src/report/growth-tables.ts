import type { GrowthPoint, GrowthResult } from '../stats/bench-results.js';

const num = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');

const lost = (p: GrowthPoint) => (p.throughput.lost > 0 ? ` (${p.throughput.lost} lost)` : '');

/**
 * How goals/s per core is defined, above the growth tables: the headline and its CPU-time companion. Pure.
 */
export function growthDefinition(cores: number): string {
  return (
    `Headline: **goals/s per core** = goals/s at saturation divided by the machine's ${cores} cores (every ` +
    'process of the system, its broker and the harness share them). Beside it, **goals per CPU-second** = 1000 / ' +
    'CPU ms per goal of the stage processes, the broker and the harness: what a core would give the system if ' +
    'nothing else ran. p50 / p99 are unloaded (one goal at a time, after the throughput run).'
  );
}

/** Goals/s per core, with its ratio to the system's first point. Pure. */
function perCoreCell(p: GrowthPoint, first: GrowthPoint | undefined): string {
  const ratio = first ? ` (${times(p.goalsPerSecPerCore / first.goalsPerSecPerCore)})` : '';
  return `**${num(p.goalsPerSecPerCore, 1)}**${ratio}`;
}

/** The cells both growth tables end with: goals per CPU-second, CPU ms per goal, unloaded p50 and p99. Pure. */
function costCells(p: GrowthPoint): string[] {
  return [
    num(p.goalsPerCpuSecond, 1),
    num(p.cpuMsPerGoal.total, 2),
    num(p.latencyMs.p50, 2),
    num(p.latencyMs.p99, 2),
  ];
}

/**
 * Throughput and latency as the search stage fans out to more scrapes per goal (joined before rank), one
 * replica per stage; each ratio is to the same system at the smallest fan-out. Pure.
 */
export function fanOutTable(growth: readonly GrowthResult[]): string {
  const rows = growth.flatMap((s) => {
    const first = s.fanOut[0];
    return s.fanOut.map((p) =>
      [
        `(${s.letter}) ${s.label}`,
        String(p.fanOut),
        `${num(p.throughput.goalsPerSec, 1)}${lost(p)}`,
        perCoreCell(p, first),
        num(p.tasksPerSec, 0),
        ...costCells(p),
      ].join(' | '),
    );
  });
  return [
    '| system | scrapes per goal | goals/s | goals/s per core (vs first) | tasks/s | goals per CPU-second | CPU ms/goal | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((cells) => `| ${cells} |`),
  ].join('\n');
}

/**
 * Throughput and latency with more replicas of every stage (of the whole worker, for LangGraph and Restate) on
 * the same cores (one task per hop); each ratio is to the same system with one replica. Pure.
 */
export function replicasTable(growth: readonly GrowthResult[]): string {
  const rows = growth.flatMap((s) => {
    const first = s.replicas[0];
    return s.replicas.map((p) =>
      [
        `(${s.letter}) ${s.label}`,
        String(p.replicas),
        String(p.processes),
        `${num(p.throughput.goalsPerSec, 1)}${lost(p)}`,
        perCoreCell(p, first),
        ...costCells(p),
      ].join(' | '),
    );
  });
  return [
    '| system | replicas of every stage | processes | goals/s | goals/s per core (vs first) | goals per CPU-second | CPU ms/goal | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((cells) => `| ${cells} |`),
  ].join('\n');
}

/** The "how cost grows" section of a run: the definition and both tables; empty when no growth run ran. Pure. */
export function growthSection(growth: readonly GrowthResult[] | undefined): string {
  if (!growth || growth.length === 0) return '';
  return [
    `How cost grows (${growth.map((s) => s.label).join(', ')}). ${growthDefinition(growth[0]!.cores)}`,
    '',
    fanOutTable(growth),
    '',
    replicasTable(growth),
  ].join('\n');
}
