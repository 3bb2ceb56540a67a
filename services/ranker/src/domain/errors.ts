import { TaskError } from '@swarm/transport/errors';

/** Stable codes of the errors the ranker raises. */
export const RANKER_ERROR_CODES = {
  invalidWeights: 'invalid-weights',
  invalidInput: 'invalid-input',
} as const;
/** A stable ranker error code. */
export type RankerErrorCode = (typeof RANKER_ERROR_CODES)[keyof typeof RANKER_ERROR_CODES];

/** The goal's weights cannot be used (out of 0..10, unknown component, or all zero). Retrying cannot help. */
export function invalidWeights(message: string): TaskError {
  return TaskError.permanent(RANKER_ERROR_CODES.invalidWeights, message);
}

/** The rank input is unusable (e.g. `topN` below 1). Retrying cannot help. */
export function invalidInput(message: string): TaskError {
  return TaskError.permanent(RANKER_ERROR_CODES.invalidInput, message);
}
