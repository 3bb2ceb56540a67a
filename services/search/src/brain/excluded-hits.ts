import type { SourceHit } from '../sources/search-source.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher of `term` as a whole word or phrase (not inside a longer word), case-insensitive. */
function wholeTerm(term: string): RegExp {
  const words = term.trim().toLowerCase().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The hits that match none of the `exclude` terms: a term matches when it occurs as a whole word or phrase
 * (case-insensitive) in the package's name, summary or one of its keywords (`langchain` matches
 * `@langchain/core` but not `langchainrb`). Blank terms exclude nothing. Keeps the order. Pure.
 */
export function dropExcludedHits(hits: readonly SourceHit[], exclude: readonly string[]): SourceHit[] {
  const matchers = exclude.filter((term) => term.trim() !== '').map(wholeTerm);
  if (matchers.length === 0) return [...hits];
  return hits.filter(({ pkg }) => {
    const fields = [pkg.name, pkg.summary, ...pkg.keywords];
    return !matchers.some((matcher) => fields.some((field) => matcher.test(field)));
  });
}
