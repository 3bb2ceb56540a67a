import { packageFields, type PackageFacts } from './package-fields.js';
import { analyze } from './term-analysis.js';

/**
 * How a package set uses words: the analyzed terms of each package, read from all its searchable fields
 * (`packageFields`, analyzed like the search index reads them). What tells a specific word of a goal
 * ("websocket", said by 2 of ~300 packages) from a common one ("server", said by 50), so a match on common
 * words alone does not pass for a match on the goal's point.
 */
export interface TermStats {
  /** One set of analyzed terms per package. */
  readonly documents: readonly ReadonlySet<string>[];
}

/** The {@link TermStats} of a package set: each package's fields analyzed once. Pure. */
export function termStats(packages: readonly PackageFacts[]): TermStats {
  return {
    documents: packages.map((pkg) => new Set(analyze(Object.values(packageFields(pkg)).join(' ')))),
  };
}

/**
 * How rare a word is among `documentCount` documents when `documentFrequency` of them say it, as BM25's inverse
 * document frequency `ln(1 + (N - df + 0.5) / (df + 0.5))`: about 6.4 for a word no package of 300 says, 1.7
 * for one in a sixth of them, near 0 for one every package says. Always positive. Pure.
 */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  const n = Math.max(0, documentCount);
  const df = Math.min(Math.max(0, documentFrequency), n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
