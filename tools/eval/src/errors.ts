/** Stable codes of what the evaluation itself can fail with (a low score is a result, not an error). */
export const EVAL_ERROR_CODES = {
  /** The judged set does not match its schema, or names a package the corpus does not have. */
  invalidJudgedSet: 'eval-invalid-judged-set',
  /** A command-line option is unknown or out of range. */
  invalidOption: 'eval-invalid-option',
  /** The document to rewrite lacks the table markers. */
  missingMarkers: 'eval-missing-markers',
} as const;
/** One of the {@link EVAL_ERROR_CODES}. */
export type EvalErrorCode = (typeof EVAL_ERROR_CODES)[keyof typeof EVAL_ERROR_CODES];

/** The evaluation's one error class: a stable `code`, a lowercase message naming the bad value, `cause`. */
export class EvalError extends Error {
  override readonly name = 'EvalError';
  readonly retryable = false;
  constructor(
    readonly code: EvalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
