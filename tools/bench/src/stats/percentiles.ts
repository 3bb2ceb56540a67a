/** Summary of a latency sample, in milliseconds. */
export interface LatencySummary {
  readonly samples: number;
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The nearest-rank percentile `p` (0-100] of `values`: the smallest value with at least p% of the sample at or
 * below it. Pure. Throws RangeError on an empty sample or a p outside (0, 100].
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty sample');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** Min, p50, p90, p99, max and mean of a sample. Pure; throws RangeError on an empty sample. */
export function summarizeLatency(values: readonly number[]): LatencySummary {
  if (values.length === 0) throw new RangeError('latency summary of an empty sample');
  return {
    samples: values.length,
    min: Math.min(...values),
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: Math.max(...values),
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
  };
}
