import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BENCH_ERROR_CODES, BenchError } from '../errors.js';
import { workspaceRoot } from '../report/write-outputs.js';

const count = z.coerce.number().int().min(1).max(1_000);

/**
 * The extraction benchmark's environment (`--quick` or `BENCH_QUICK=1` picks the quick defaults):
 *
 * | variable | full | quick | what |
 * | --- | ---: | ---: | --- |
 * | BENCH_EXTRACT_ROUNDS | 20 | 3 | measured scrapes per page |
 * | BENCH_EXTRACT_WARMUP | 3 | 1 | unmeasured scrapes per page first |
 * | BENCH_EXTRACT_SIZES_KIB | 10,100,1000,2000 | 10,100,1000 | docs page sizes (the scraper refuses over 2048) |
 */
export const ExtractionBenchEnv = z.object({
  BENCH_QUICK: z.enum(['0', '1', 'true', 'false', '']).optional(),
  BENCH_EXTRACT_ROUNDS: count.optional(),
  BENCH_EXTRACT_WARMUP: z.coerce.number().int().min(0).max(100).optional(),
  BENCH_EXTRACT_SIZES_KIB: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated KiB sizes')
    .transform((value) => value.split(',').map(Number))
    .optional(),
});

/** A parsed extraction benchmark invocation. */
export interface ExtractionBenchConfig {
  readonly sizesKib: readonly number[];
  readonly rounds: number;
  readonly warmup: number;
  /** `<repo>/services/scraper/dist/main.js`: build the scraper first. */
  readonly scraperEntry: string;
  /** Rewrite the extraction section of `docs/reliability.md` (`--update-docs`). */
  readonly updateDocs: boolean;
}

/** Reads the benchmark's settings from the environment and the command line. Throws BenchError `invalid-options`. */
export function loadExtractionBenchConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): ExtractionBenchConfig {
  const parsedEnv = ExtractionBenchEnv.safeParse(env);
  if (!parsedEnv.success) {
    throw new BenchError(BENCH_ERROR_CODES.invalidOptions, `invalid environment: ${parsedEnv.error.message}`);
  }
  let flags: { quick?: boolean; 'update-docs'?: boolean };
  try {
    flags = parseArgs({
      args: [...argv],
      options: { quick: { type: 'boolean' }, 'update-docs': { type: 'boolean' } },
    }).values;
  } catch (error) {
    throw new BenchError(BENCH_ERROR_CODES.invalidOptions, (error as Error).message, { cause: error });
  }
  const vars = parsedEnv.data;
  const quick = flags.quick === true || vars.BENCH_QUICK === '1' || vars.BENCH_QUICK === 'true';
  return {
    sizesKib: vars.BENCH_EXTRACT_SIZES_KIB ?? (quick ? [10, 100, 1_000] : [10, 100, 1_000, 2_000]),
    rounds: vars.BENCH_EXTRACT_ROUNDS ?? (quick ? 3 : 20),
    warmup: vars.BENCH_EXTRACT_WARMUP ?? (quick ? 1 : 3),
    scraperEntry: join(workspaceRoot(), 'services', 'scraper', 'dist', 'main.js'),
    updateDocs: flags['update-docs'] === true,
  };
}
