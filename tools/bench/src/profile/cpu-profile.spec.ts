import type { CpuProfile } from './cpu-profile.js';
import { frameCategory, summarizeCpuProfile } from './cpu-profile.js';

describe('frameCategory', () => {
  it('names the package a frame comes from', () => {
    expect(frameCategory('next', '/repo/node_modules/@nats-io/jetstream/lib/consumer.js')).toBe(
      '@nats-io/jetstream',
    );
    expect(frameCategory('parse', 'file:///repo/node_modules/zod/v4/core/parse.js')).toBe('zod');
    expect(frameCategory('run', 'file:///repo/libs/transport/dist/queue/task-runner.js')).toBe(
      '@swarm/transport',
    );
    expect(frameCategory('writev', 'node:internal/stream_base_commons')).toBe('node internals');
    expect(frameCategory('(garbage collector)', '')).toBe('(garbage collector)');
  });
});

describe('summarizeCpuProfile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4] },
      { id: 2, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
      { id: 3, callFrame: { functionName: 'parse', url: '/r/node_modules/zod/index.js', lineNumber: 9 } },
      {
        id: 4,
        callFrame: { functionName: 'publish', url: '/r/libs/transport/dist/bus.js', lineNumber: 1 },
        children: [3],
      },
    ],
    startTime: 0,
    endTime: 10_000, // 10 ms over 10 samples: 1 ms each
    samples: [2, 2, 2, 2, 3, 3, 3, 4, 2, 2],
    timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000],
  };
  const meta = { system: 'swarm-on', stage: 'scrape', file: 'x', tasks: 2, cpuMs: 4 } as const;

  it('leaves idle time out and shares the busy time among categories and frames', () => {
    const summary = summarizeCpuProfile(profile, meta);
    expect(summary.totalMs).toBeCloseTo(4, 10);
    expect(summary.cpuUsPerTask).toBeCloseTo(2_000, 10);
    expect(summary.byCategory.map((c) => [c.name, c.share])).toEqual([
      ['zod', 0.75],
      ['@swarm/transport', 0.25],
    ]);
    expect(summary.topFrames[0]).toMatchObject({ name: 'parse', location: 'zod/index.js:10' });
  });

  it('gives the messaging functions their time including what they called', () => {
    const summary = summarizeCpuProfile(profile, meta);
    expect(summary.topInclusive.map((f) => [f.name, f.totalMs])).toEqual([['publish', 4]]);
  });

  it('counts only the samples taken within the measured window', () => {
    const summary = summarizeCpuProfile(profile, { ...meta, window: { fromUs: 4_500, toUs: 7_500 } });
    expect(summary.byCategory.map((c) => c.name)).toEqual(['zod']);
    expect(summary.totalMs).toBeCloseTo(3, 10);
  });

  it('falls back to the whole profile when no sample falls within the window', () => {
    const summary = summarizeCpuProfile(profile, { ...meta, window: { fromUs: 50_000, toUs: 60_000 } });
    expect(summary.totalMs).toBeCloseTo(4, 10);
  });
});
