import { growthGoals, growthPoint, MIN_GROWTH_GOALS } from './growth-figures.js';

const throughput = (goalsPerSec: number) => ({
  goals: 100,
  completed: 100,
  lost: 0,
  elapsedMs: (100 / goalsPerSec) * 1_000,
  goalsPerSec,
  handoffsPerSec: goalsPerSec * 4,
});
const cpu = (total: number) => ({ stages: total, broker: 0, harness: 0, total, othersShare: 0 });
const latency = { samples: 3, min: 1, p50: 2, p90: 3, p99: 4, max: 4, mean: 2.3 };

describe('growthGoals', () => {
  it('spreads the tasks of a run over the tasks each goal makes at its fan-out', () => {
    expect(growthGoals(12_000, 1)).toBe(3_000);
    expect(growthGoals(12_000, 0)).toBe(3_000);
    expect(growthGoals(12_000, 10)).toBe(924);
    expect(growthGoals(12_000, 50)).toBe(227);
  });

  it('never runs fewer than the minimum of goals', () => {
    expect(growthGoals(10, 50)).toBe(MIN_GROWTH_GOALS);
  });
});

describe('growthPoint', () => {
  it('divides goals/s by the cores for the headline and gives goals per CPU-second', () => {
    const point = growthPoint({
      fanOut: 10,
      replicas: 1,
      processes: 4,
      cores: 2,
      throughput: throughput(300),
      cpuMsPerGoal: cpu(4),
      latencyMs: latency,
    });
    expect(point.goalsPerSecPerCore).toBe(150);
    expect(point.goalsPerCpuSecond).toBe(250);
    expect(point.tasksPerSec).toBe(300 * 13);
    expect(point.throughput.handoffsPerSec).toBe(300 * 13);
  });

  it('counts four tasks per goal without a fan-out, and no figure from no CPU', () => {
    const point = growthPoint({
      fanOut: 0,
      replicas: 4,
      processes: 16,
      cores: 2,
      throughput: throughput(100),
      cpuMsPerGoal: cpu(0),
      latencyMs: latency,
    });
    expect(point.tasksPerSec).toBe(400);
    expect(point.goalsPerCpuSecond).toBeNaN();
  });
});
