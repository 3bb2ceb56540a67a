import { termStats, type TermStats } from './analysis/term-rarity.js';
import { loadCorpus } from './corpus-loader.js';

let cached: TermStats | undefined;

/**
 * The {@link TermStats} of the shipped corpus (`loadCorpus()`), computed on the first call (once per process, at
 * boot when the caller asks then) and cached: the corpus is the domain's vocabulary, so a goal word it rarely or
 * never says is a specific one.
 * @throws InvalidCorpusError as `loadCorpus`.
 */
export function corpusTermStats(): TermStats {
  cached ??= termStats(loadCorpus());
  return cached;
}
