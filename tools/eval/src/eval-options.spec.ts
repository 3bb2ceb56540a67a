import { EVAL_ERROR_CODES } from './errors.js';
import { parseEvalOptions } from './eval-options.js';
import { DEFAULT_GOAL_TIMEOUT_MS } from './goal-runner.js';
import { thrownBy } from './testing/thrown-by.js';

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

  it('reads --set, a judged set file to run instead of the public set', () => {
    expect(parseEvalOptions(['--set', 'tools/eval/dev/honesty-probes.json']).set).toBe(
      'tools/eval/dev/honesty-probes.json',
    );
  });

  it.each([
    [['--verbose']],
    [['--only']],
    [['--timeout', '0']],
    [['--timeout', 'soon']],
    [['--set']],
    [['--write-doc', '--set', 'probes.json']],
  ])('rejects %j', (argv) => {
    expect(thrownBy(() => parseEvalOptions(argv)).code).toBe(EVAL_ERROR_CODES.invalidOption);
  });
});
