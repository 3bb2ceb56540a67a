import { RELEVANCE_SETTINGS } from './scoring-settings.js';
import type { TextIndex } from './query-terms.js';
import { clamp01, type ComponentScore, formatScore, listNames } from './score-math.js';

/** What relevance is scored from. */
export interface RelevanceFacts {
  readonly searchScore: number;
  /** The highest search score among the goal's candidates. */
  readonly bestSearchScore: number;
  readonly terms: readonly string[];
  /** The scraped page's title, description, text and features, or the registry name, summary and keywords. */
  readonly text: TextIndex;
  readonly scraped: boolean;
}

/**
 * Relevance: `searchShare` x (search score / best search score) + the rest x (share of query terms the text
 * mentions). A query with no meaningful terms rests on the search score alone. Pure.
 */
export function scoreRelevance(facts: RelevanceFacts): ComponentScore {
  const searchPart = facts.bestSearchScore > 0 ? clamp01(facts.searchScore / facts.bestSearchScore) : 0;
  const searchSentence =
    facts.bestSearchScore > 0
      ? `search score ${formatScore(facts.searchScore)} is ${Math.round(searchPart * 100)}% of the best ` +
        `(${formatScore(facts.bestSearchScore)})`
      : 'no candidate has a search score above 0';
  if (facts.terms.length === 0) {
    return {
      score: clamp01(searchPart),
      rationale: `${capitalize(searchSentence)}; the query has no distinctive terms, so the search score decides.`,
    };
  }
  const matched = facts.text.mentioned(facts.terms);
  const missed = facts.terms.filter((term) => !matched.includes(term));
  const termPart = matched.length / facts.terms.length;
  const where = facts.scraped
    ? 'the scraped page matches'
    : 'the registry summary and keywords (page not scraped) match';
  const detail = [
    matched.length > 0 ? `mentions ${listNames(matched)}` : '',
    missed.length > 0 ? `not ${listNames(missed, 4)}` : '',
  ]
    .filter((part) => part.length > 0)
    .join('; ');
  const score = RELEVANCE_SETTINGS.searchShare * searchPart + (1 - RELEVANCE_SETTINGS.searchShare) * termPart;
  return {
    score: clamp01(score),
    rationale:
      `${capitalize(searchSentence)}; ${where} ${matched.length} of ${facts.terms.length} query terms ` +
      `(${detail}).`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
