import type { ConceptMatch } from './concept-match.js';
import { RELEVANCE_SETTINGS } from './scoring-settings.js';
import { clamp01, type ComponentScore, formatScore, listNames } from './score-math.js';

/** What relevance is scored from. */
export interface RelevanceFacts {
  readonly searchScore: number;
  /** The highest search score among the goal's candidates. */
  readonly bestSearchScore: number;
  /** How the candidate's fields meet the goal's concepts (`matchConcepts`). */
  readonly match: ConceptMatch;
  /** How many concepts the goal has. */
  readonly conceptCount: number;
  /**
   * Share of the candidate's capability features that say a capability the goal names (`capabilityFocus`);
   * undefined when the goal names no capability or the candidate has no features.
   */
  readonly focus?: number | undefined;
  readonly scraped: boolean;
}

/**
 * Relevance: `searchShare` x (search score / best search score) + `focusShare` x the focus (or, without one, the
 * concept part) + the rest x the field-weighted share of the goal's concepts the candidate meets
 * (`matchConcepts`: each concept once, at its best field). A goal without concepts rests on the search score
 * alone. Pure.
 */
export function scoreRelevance(facts: RelevanceFacts): ComponentScore {
  const searchPart = facts.bestSearchScore > 0 ? clamp01(facts.searchScore / facts.bestSearchScore) : 0;
  const searchSentence =
    facts.bestSearchScore > 0
      ? `search score ${formatScore(facts.searchScore)} is ${Math.round(searchPart * 100)}% of the best ` +
        `(${formatScore(facts.bestSearchScore)})`
      : 'no candidate has a search score above 0';
  if (facts.conceptCount === 0) {
    return {
      score: clamp01(searchPart),
      rationale: `${capitalize(searchSentence)}; the query has no distinctive terms, so the search score decides.`,
    };
  }
  const where = facts.scraped ? 'its facts and scraped features' : 'its registry facts (page not scraped)';
  const { searchShare, focusShare } = RELEVANCE_SETTINGS;
  const focus = facts.focus ?? facts.match.score;
  const score =
    searchShare * searchPart + focusShare * focus + (1 - searchShare - focusShare) * facts.match.score;
  const focusSentence =
    facts.focus === undefined
      ? ''
      : `; ${Math.round(facts.focus * 100)}% of its features are capabilities asked for`;
  return {
    score: clamp01(score),
    rationale:
      `${capitalize(searchSentence)}; ${where} meet ${facts.match.met.length} of ${facts.conceptCount} ` +
      `goal concepts (${conceptDetail(facts.match)})${focusSentence}.`,
  };
}

/** "memory in features, assistant in summary; not recall": what a match met, where, and what it missed. */
export function conceptDetail(match: ConceptMatch): string {
  const met = match.met.map(({ concept, field }) => `${concept.label} in ${field}`);
  const missed = match.missed.map((concept) => concept.label);
  return [met.length > 0 ? listNames(met, 6) : '', missed.length > 0 ? `not ${listNames(missed, 4)}` : '']
    .filter((part) => part.length > 0)
    .join('; ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
