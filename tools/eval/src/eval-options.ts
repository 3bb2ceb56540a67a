import { EVAL_ERROR_CODES, EvalError } from './errors.js';
import { DEFAULT_GOAL_TIMEOUT_MS } from './goal-runner.js';

/** What `npm run eval` was asked to do. */
export interface EvalOptions {
  /** Print the report as JSON instead of the table. */
  readonly json: boolean;
  /** Rewrite the table in docs/quality.md between its markers. */
  readonly writeDoc: boolean;
  /** Only these goal ids (all when empty). */
  readonly only: readonly string[];
  /** How long one goal may take (`--timeout <ms>`). */
  readonly timeoutMs: number;
  /**
   * A judged set file to run instead of the public set (`--set <path>`, e.g. the dev probes
   * `tools/eval/dev/honesty-probes.json`); never written to docs/quality.md.
   */
  readonly set?: string;
}

/**
 * Parses `--json`, `--write-doc`, `--only a,b`, `--timeout <ms>` and `--set <path>`. Pure. Throws EvalError naming
 * the bad flag (`--write-doc` with `--set`: the doc's table is the public set's).
 */
export function parseEvalOptions(argv: readonly string[]): EvalOptions {
  let json = false;
  let writeDoc = false;
  let only: string[] = [];
  let timeoutMs = DEFAULT_GOAL_TIMEOUT_MS;
  let set: string | undefined;
  const valueOf = (index: number, flag: string) => {
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--'))
      throw new EvalError(EVAL_ERROR_CODES.invalidOption, `${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--write-doc') writeDoc = true;
    else if (arg === '--only') only = valueOf(i++, arg).split(',').filter(Boolean);
    else if (arg === '--set') set = valueOf(i++, arg);
    else if (arg === '--timeout') {
      const raw = valueOf(i++, arg);
      timeoutMs = Number(raw);
      if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
        throw new EvalError(
          EVAL_ERROR_CODES.invalidOption,
          `--timeout "${raw}" is not a positive integer (ms)`,
        );
    } else throw new EvalError(EVAL_ERROR_CODES.invalidOption, `unknown option "${arg}"`);
  }
  if (writeDoc && set !== undefined)
    throw new EvalError(
      EVAL_ERROR_CODES.invalidOption,
      `--write-doc writes the public set's table, not "${set}"`,
    );
  return { json, writeDoc, only, timeoutMs, ...(set === undefined ? {} : { set }) };
}
