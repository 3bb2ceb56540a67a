import { tasksPerGoal } from '../pipeline/stages.js';
import type { CpuPerGoal, GrowthPoint, ThroughputFigures } from './bench-results.js';
import type { LatencySummary } from './percentiles.js';

/** At least this many goals per growth run, however wide the fan-out. */
export const MIN_GROWTH_GOALS = 20;

/**
 * Goals of one growth run: `tasks` spread over the tasks each goal makes at `fanOut` (0 and 1 both make four),
 * so every run moves about the same number of tasks, and never fewer than {@link MIN_GROWTH_GOALS}. Pure.
 */
export function growthGoals(tasks: number, fanOut: number): number {
  return Math.max(MIN_GROWTH_GOALS, Math.ceil(tasks / tasksPerGoal(Math.max(1, fanOut))));
}

/**
 * One growth point's figures: the headline goals/s per core (goals/s over the machine's `cores`), goals per CPU
 * second actually used (1000 / CPU ms per goal) and tasks/s. Pure.
 */
export function growthPoint(input: {
  readonly fanOut: number;
  readonly replicas: number;
  readonly processes: number;
  readonly cores: number;
  readonly throughput: ThroughputFigures;
  readonly cpuMsPerGoal: CpuPerGoal;
  readonly latencyMs: LatencySummary;
}): GrowthPoint {
  const { throughput, cpuMsPerGoal, cores } = input;
  // The harness counts hand-offs of the plain pipeline; a growth run's tasks per goal follow its fan-out.
  const perGoal = tasksPerGoal(Math.max(1, input.fanOut));
  return {
    fanOut: input.fanOut,
    replicas: input.replicas,
    processes: input.processes,
    throughput: { ...throughput, handoffsPerSec: throughput.goalsPerSec * perGoal },
    tasksPerSec: throughput.goalsPerSec * perGoal,
    goalsPerSecPerCore: cores > 0 ? throughput.goalsPerSec / cores : Number.NaN,
    goalsPerCpuSecond: cpuMsPerGoal.total > 0 ? 1_000 / cpuMsPerGoal.total : Number.NaN,
    cpuMsPerGoal,
    latencyMs: input.latencyMs,
  };
}
