import { parseMachineCpuMs, parseProcStatCpuMs, parseVmRss } from './proc-stats.js';

describe('parseVmRss', () => {
  it('reads the resident set in bytes', () => {
    expect(parseVmRss('Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t   51200 kB\nThreads: 7\n')).toBe(
      51_200 * 1_024,
    );
  });

  it('gives undefined for a status without VmRSS (a zombie)', () => {
    expect(parseVmRss('Name:\tnode\nState:\tZ (zombie)\n')).toBeUndefined();
  });
});

describe('parseProcStatCpuMs', () => {
  it('adds user and system ticks, and keeps reaped children apart, even with spaces in the name', () => {
    const stat = '4242 (node (x) y) S 1 4242 4242 0 -1 4194304 100 0 0 0 150 50 30 20 20 0 11 0 999 0 0';
    expect(parseProcStatCpuMs(stat)).toEqual({ own: 2_000, reapedChildren: 500 });
  });
});

describe('parseMachineCpuMs', () => {
  it('counts idle and iowait as not busy', () => {
    const stat = 'cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n';
    expect(parseMachineCpuMs(stat)).toEqual({ busy: 1_500, total: 10_000 });
  });
});
