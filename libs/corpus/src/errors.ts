/** Stable codes of the errors this lib raises. */
export const CORPUS_ERROR_CODES = {
  invalidCorpus: 'invalid-corpus',
} as const;
/** A stable error code of this lib. */
export type CorpusErrorCode = (typeof CORPUS_ERROR_CODES)[keyof typeof CORPUS_ERROR_CODES];

/** The shipped corpus data failed validation: a packaging defect, so retrying cannot help. */
export class InvalidCorpusError extends Error {
  override readonly name = 'InvalidCorpusError';
  readonly code = CORPUS_ERROR_CODES.invalidCorpus;
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
