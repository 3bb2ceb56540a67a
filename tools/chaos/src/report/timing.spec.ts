import { longestGapSeconds, mebibytes, ratePerSecond, secondsUntilFirstAfter } from './timing.js';

describe('secondsUntilFirstAfter', () => {
  it('measures from a moment to the first time at or after it', () => {
    expect(secondsUntilFirstAfter([1_000, 4_000, 9_000], 2_500)).toBe(1.5);
  });

  it('is undefined when nothing came after', () => {
    expect(secondsUntilFirstAfter([1_000], 2_000)).toBeUndefined();
  });
});

describe('longestGapSeconds', () => {
  it('finds the longest pause between consecutive times inside the window', () => {
    expect(longestGapSeconds([0, 1_000, 5_000, 5_500, 20_000], 0, 10_000)).toBe(4);
  });

  it('is zero with fewer than two times', () => {
    expect(longestGapSeconds([3_000], 0, 10_000)).toBe(0);
  });
});

describe('ratePerSecond', () => {
  it('counts times in [from, to) per second', () => {
    expect(ratePerSecond([0, 500, 1_000, 1_999, 2_000], 0, 2_000)).toBe(2);
  });

  it('is zero for an empty window', () => {
    expect(ratePerSecond([1], 5, 5)).toBe(0);
  });
});

describe('mebibytes', () => {
  it('rounds bytes to MiB with one decimal', () => {
    expect(mebibytes(150 * 1024 * 1024 + 60_000)).toBe(150.1);
  });
});
