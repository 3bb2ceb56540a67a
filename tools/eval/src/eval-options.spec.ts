import { EVAL_ERROR_CODES, EvalError } from './errors.js';
import { parseEvalOptions } from './eval-options.js';
import { DEFAULT_GOAL_TIMEOUT_MS } from './goal-runner.js';

/** The error `run` throws (fails the test when it throws none). */
function thrownBy(run: () => unknown): EvalError {
  try {
    run();
  } catch (error) {
    if (error instanceof EvalError) return error;
    throw error;
  }
  throw new Error('expected an EvalError, nothing was thrown');
}

describe('parseEvalOptions', () => {
  it('defaults to the table for every goal', () => {
    expect(parseEvalOptions([])).toEqual({
      json: false,
      writeDoc: false,
      only: [],
      timeoutMs: DEFAULT_GOAL_TIMEOUT_MS,
    });
  });

  it('reads --json, --write-doc, --only and --timeout', () => {
    expect(parseEvalOptions(['--json', '--write-doc', '--only', 'a,b', '--timeout', '5000'])).toEqual({
      json: true,
      writeDoc: true,
      only: ['a', 'b'],
      timeoutMs: 5000,
    });
  });

  it.each([[['--verbose']], [['--only']], [['--timeout', '0']], [['--timeout', 'soon']]])(
    'rejects %j',
    (argv) => {
      expect(thrownBy(() => parseEvalOptions(argv)).code).toBe(EVAL_ERROR_CODES.invalidOption);
    },
  );
});
