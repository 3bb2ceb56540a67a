import { z } from 'zod';
// The data file sits next to src/ and dist/ alike, so one relative import serves Jest (CommonJS) and the
// built ESM (plain node); the package ships `data/` with `dist/`.
import rawCorpus from '../data/packages.json' with { type: 'json' };
import { CorpusPackage } from './corpus-package.js';
import { InvalidCorpusError } from './errors.js';

let cached: readonly CorpusPackage[] | undefined;

/** Validates corpus entries: each must match {@link CorpusPackage} and ids must be unique. */
export function parseCorpus(raw: unknown): readonly CorpusPackage[] {
  const parsed = z.array(CorpusPackage).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new InvalidCorpusError(
      `corpus entry at "${where}" is invalid: ${issue?.message ?? 'unknown issue'}`,
      {
        cause: parsed.error,
      },
    );
  }
  const seen = new Set<string>();
  for (const pkg of parsed.data) {
    if (seen.has(pkg.id)) throw new InvalidCorpusError(`corpus id "${pkg.id}" appears more than once`);
    seen.add(pkg.id);
  }
  return Object.freeze(parsed.data.map((pkg) => Object.freeze(pkg)));
}

/**
 * The shipped corpus (`data/packages.json`), validated on the first call and cached; entries are frozen.
 * @throws InvalidCorpusError when the shipped data does not match {@link CorpusPackage} or repeats an id.
 */
export function loadCorpus(): readonly CorpusPackage[] {
  cached ??= parseCorpus(rawCorpus);
  return cached;
}
