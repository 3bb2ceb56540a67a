/** Stable codes of what the chaos suite itself can fail with (a scenario's findings are results, not errors). */
export const CHAOS_ERROR_CODES = {
  /** A command-line option or scenario size is out of range. */
  invalidOption: 'chaos-invalid-option',
  /** A scenario could not set up its stage (NATS, agents, receivers) or ran past its hard deadline. */
  stageFailed: 'chaos-stage-failed',
} as const;
/** One of the {@link CHAOS_ERROR_CODES}. */
export type ChaosErrorCode = (typeof CHAOS_ERROR_CODES)[keyof typeof CHAOS_ERROR_CODES];

/** The chaos suite's one error class: a stable `code`, a lowercase message naming the bad value, `cause`. */
export class ChaosError extends Error {
  override readonly name = 'ChaosError';
  readonly retryable = false;
  constructor(
    readonly code: ChaosErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
