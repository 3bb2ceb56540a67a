import { join } from 'node:path';
import { loadBenchConfig } from './bench-config.js';
import { BenchError } from './errors.js';
import { workspaceRoot } from './report/write-outputs.js';

describe('loadBenchConfig', () => {
  it('runs every system twice with full counts and profiling by default', () => {
    const config = loadBenchConfig({});
    expect(config.settings).toMatchObject({
      quick: false,
      runs: 2,
      throughputGoals: 4_000,
      latencyGoals: 200,
    });
    expect(config.settings.systems).toEqual([
      'raw',
      'swarm-off',
      'swarm-on',
      'bullmq',
      'nest-nats',
      'langgraph',
      'restate',
    ]);
    expect(config.profile).toBe(true);
  });

  it('uses small counts, one run and no profile in quick mode, by variable or flag', () => {
    for (const config of [loadBenchConfig({ BENCH_QUICK: '1' }), loadBenchConfig({}, ['--quick'])]) {
      expect(config.settings).toMatchObject({ quick: true, runs: 1, throughputGoals: 150 });
      expect(config.profile).toBe(false);
    }
  });

  it('lets flags pick the systems, the runs and the output', () => {
    const config = loadBenchConfig({ BENCH_RUNS: '3' }, [
      '--systems',
      'swarm-on,raw',
      '--out',
      '/tmp/x',
      '--runs',
      '1',
      '--update-docs',
      '--report',
      'bench-results/old.json',
    ]);
    expect(config.settings.systems).toEqual(['raw', 'swarm-on']);
    expect(config.settings.runs).toBe(1);
    expect(config.outDir).toBe('/tmp/x');
    expect(config.updateDocs).toBe(true);
    expect(config.reportFile).toBe(join(workspaceRoot(), 'bench-results', 'old.json'));
  });

  it('names an unknown system and a bad count', () => {
    expect(() => loadBenchConfig({ BENCH_SYSTEMS: 'raw,kafka' })).toThrow(/unknown system "kafka"/);
    expect(() => loadBenchConfig({ BENCH_GOALS: '-5' })).toThrow(BenchError);
    expect(() => loadBenchConfig({}, ['--bogus'])).toThrow(BenchError);
  });

  it('grows every system that can fan out over fan-outs 1, 10, 50 and 1, 4, 8 replicas by default', () => {
    expect(loadBenchConfig({}).settings.growth).toEqual({
      systems: ['raw', 'swarm-on', 'bullmq', 'langgraph', 'restate'],
      fanOuts: [1, 10, 50],
      replicas: [1, 4, 8],
      tasks: 6_000,
      latencyGoals: 100,
    });
    expect(loadBenchConfig({}, ['--quick']).settings.growth).toMatchObject({
      fanOuts: [1, 4],
      replicas: [1, 2],
    });
  });

  it('reads the growth lists, keeps only growth systems that run, and skips them on "none"', () => {
    const config = loadBenchConfig(
      { BENCH_FANOUTS: '2, 20', BENCH_GROWTH_REPLICAS: '1,3', BENCH_GROWTH_SYSTEMS: 'swarm-off,raw' },
      ['--systems', 'raw,bullmq'],
    );
    expect(config.settings.growth).toMatchObject({ systems: ['raw'], fanOuts: [2, 20], replicas: [1, 3] });
    expect(loadBenchConfig({ BENCH_GROWTH_SYSTEMS: 'none' }).settings.growth!.systems).toEqual([]);
  });

  it('names a bad growth list and a system that cannot fan out', () => {
    expect(() => loadBenchConfig({ BENCH_FANOUTS: '1,ten' })).toThrow(/BENCH_FANOUTS: must be counts/);
    expect(() => loadBenchConfig({ BENCH_GROWTH_REPLICAS: '1,64' })).toThrow(/BENCH_GROWTH_REPLICAS/);
    expect(() => loadBenchConfig({ BENCH_GROWTH_SYSTEMS: 'raw,nest-nats' })).toThrow(
      /"nest-nats" cannot fan out/,
    );
  });
});
