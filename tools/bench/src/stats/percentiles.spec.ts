import { percentile, summarizeLatency } from './percentiles.js';

describe('percentile', () => {
  it('takes the nearest rank, so p50 of 1..10 is 5 and p99 is 10', () => {
    const values = [7, 3, 10, 1, 2, 9, 4, 6, 8, 5];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
  });

  it('gives the 198th of 200 values as p99', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(198);
  });

  it('refuses an empty sample and a percentile outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarizeLatency', () => {
  it('keeps p99 at or above p50 and the mean within min and max', () => {
    const summary = summarizeLatency([1.2, 0.8, 5.5, 1.0, 0.9]);
    expect(summary).toMatchObject({ samples: 5, min: 0.8, p50: 1.0, p99: 5.5, max: 5.5 });
    expect(summary.mean).toBeCloseTo(1.88, 5);
  });
});
