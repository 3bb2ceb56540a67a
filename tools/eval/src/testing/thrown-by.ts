import { EvalError } from '../errors.js';

/** The EvalError `run` throws (fails the test when it throws none, or another error). */
export function thrownBy(run: () => unknown): EvalError {
  try {
    run();
  } catch (error) {
    if (error instanceof EvalError) return error;
    throw error;
  }
  throw new Error('expected an EvalError, nothing was thrown');
}
