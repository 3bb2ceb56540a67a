import { sampleSystem, sampleSystems } from '../testing/sample-results.js';
import { checkTargets, quietestRun, relativeToBaseline, scaleEfficiency } from './derive.js';

describe('scaleEfficiency', () => {
  it('divides throughput at k replicas by k times the single replica', () => {
    const points = scaleEfficiency([
      { replicas: 1, goalsPerSec: 50 },
      { replicas: 2, goalsPerSec: 95 },
      { replicas: 4, goalsPerSec: 160 },
    ]);
    expect(points.map((p) => p.efficiency)).toEqual([1, 0.95, 0.8]);
  });

  it('gives NaN when the single-replica point is missing', () => {
    expect(scaleEfficiency([{ replicas: 2, goalsPerSec: 90 }])[0]!.efficiency).toBeNaN();
  });
});

describe('relativeToBaseline', () => {
  it('takes every ratio against raw JetStream and spreads the extra p50 over four hops', () => {
    const relative = relativeToBaseline(sampleSystems());
    expect(relative['raw']).toMatchObject({ throughput: 1, p50: 1, addedPerHopMs: 0 });
    expect(relative['swarm-on']!.throughput).toBeCloseTo(0.45, 10);
    expect(relative['swarm-on']!.addedPerHopMs).toBeCloseTo(0.6, 10);
    expect(relative['nest-nats']!.addedPerHopMs).toBeCloseTo(-0.1, 10);
  });

  it('leaves out the scale-out ratio of a system that was not scaled', () => {
    const unscaled = sampleSystem('restate', {
      goalsPerSec: 1,
      p50: 1,
      p99: 1,
      idleMb: 1,
      scaleOutUnit: 'none',
    });
    const relative = relativeToBaseline([...sampleSystems().filter((s) => s.id !== 'restate'), unscaled]);
    expect(relative['restate']).not.toHaveProperty('scaleEfficiencyAt4');
    expect(relative['langgraph']!.scaleEfficiencyAt4).toBeCloseTo(1, 10);
  });

  it('has nothing to compare with when the baseline did not run', () => {
    expect(relativeToBaseline(sampleSystems().filter((s) => s.id !== 'raw'))).toEqual({});
  });
});

describe('checkTargets', () => {
  it('marks each target of the swarm with tracing on as met or missed', () => {
    const checks = Object.fromEntries(checkTargets(sampleSystems()).map((c) => [c.id, c]));
    expect(checks['throughput-vs-raw']).toMatchObject({ met: false, target: '>= 0.5x' });
    expect(checks['throughput-vs-raw']!.measured).toBeCloseTo(0.45, 10);
    expect(checks['throughput-vs-bullmq']).toMatchObject({ met: true, measured: 1.8, target: '>= 1.0x' });
    expect(checks['throughput-vs-langgraph']).toMatchObject({ met: true, measured: 3, target: '> 1.0x' });
    expect(checks['throughput-vs-restate']).toMatchObject({ met: true, target: '> 1.0x' });
    expect(checks['added-latency-per-hop']!.met).toBe(false);
    expect(checks['scale-out-efficiency']!.met).toBe(true);
    expect(checks['idle-rss']).toMatchObject({ met: false, measured: 120 });
  });

  it('meets half of raw JetStream at exactly 0.5x, but is ahead of a peer only when strictly faster', () => {
    const systems = sampleSystems().map((s) =>
      s.id === 'raw' || s.id === 'restate'
        ? sampleSystem(s.id, { goalsPerSec: s.id === 'raw' ? 1_800 : 900, p50: 2, p99: 4, idleMb: 60 })
        : s,
    );
    const checks = Object.fromEntries(checkTargets(systems).map((c) => [c.id, c]));
    expect(checks['throughput-vs-raw']).toMatchObject({ met: true, measured: 0.5 });
    expect(checks['throughput-vs-restate']).toMatchObject({ met: false, measured: 1 });
  });

  it('leaves out the target of a peer that did not run', () => {
    const ids = checkTargets(sampleSystems().filter((s) => s.id !== 'langgraph')).map((c) => c.id);
    expect(ids).toContain('throughput-vs-restate');
    expect(ids).not.toContain('throughput-vs-langgraph');
  });

  it('checks nothing when the swarm with tracing on did not run', () => {
    expect(checkTargets([sampleSystem('raw', { goalsPerSec: 1, p50: 1, p99: 1, idleMb: 1 })])).toEqual([]);
  });
});

describe('quietestRun', () => {
  it('picks the run with the least foreign CPU', () => {
    expect(quietestRun([{ foreignCpuShare: 0.3 }, { foreignCpuShare: 0.1 }, { foreignCpuShare: 0.2 }])).toBe(
      1,
    );
  });
});
