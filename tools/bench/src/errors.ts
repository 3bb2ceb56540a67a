/** Stable codes of the benchmark's errors. */
export const BENCH_ERROR_CODES = {
  stageNotReady: 'stage-not-ready',
  goalsLost: 'goals-lost',
  infraUnavailable: 'infra-unavailable',
  invalidOptions: 'invalid-options',
} as const;
/** A benchmark error code. */
export type BenchErrorCode = (typeof BENCH_ERROR_CODES)[keyof typeof BENCH_ERROR_CODES];

/** A benchmark failure: a stage that would not start, goals that never completed, a missing server. */
export class BenchError extends Error {
  override readonly name = 'BenchError';
  readonly retryable = false;
  constructor(
    readonly code: BenchErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
