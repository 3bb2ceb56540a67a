import {
  analyzeWords,
  canonicalizePhrases,
  capabilityMatches,
  parseGoalQuery,
  tagWords,
} from '@swarm/corpus';
import { CONCEPT_WEIGHTS } from './scoring-settings.js';

/**
 * One thing a goal asks for, in the shared analyzer's terms (`@swarm/corpus`): a capability the goal names in
 * its own words or the tag's ("long-term recall" -> `memory`), or one topic word left after the generic words
 * ("find", "tools", "best", ...) are dropped.
 */
export interface GoalConcept {
  /** What the report calls it: the capability tag (`memory`) or the goal's word (`tokenizer`). */
  readonly label: string;
  readonly kind: 'capability' | 'word';
  /**
   * The ways a text can say it, as analyzed terms: a text says the concept when it holds every term of one
   * alternative (`[['memori'], ['long', 'term', 'recal']]`).
   */
  readonly alternatives: readonly (readonly string[])[];
  /** Its share of the goal's meaning, from `CONCEPT_WEIGHTS`. */
  readonly weight: number;
  /**
   * Its weight in the share of the goal a candidate meets, what the relevance floor reads: a word's weight
   * shifted by how rare the word is among the domain's packages (`weighByRarity`); `weight` when absent.
   */
  readonly floorWeight?: number;
}

/**
 * The distinct concepts of a goal's text: first each capability it names, with the tag's words and the goal's
 * own phrase as alternatives, then each remaining topic word (stemmed; words a capability phrase used are not
 * counted again); a word's terms are alternatives (`claude` is said by "claude" or "anthropic"). A word
 * repeated in the goal is one concept. Empty when the goal names nothing topical. Pure.
 */
export function goalConcepts(goalText: string): GoalConcept[] {
  const query = parseGoalQuery(goalText);
  const lower = goalText.normalize('NFKC').toLowerCase();
  const wanted = new Set(query.capabilities ?? []);
  const concepts: GoalConcept[] = [];
  const used = new Set<string>();
  for (const match of capabilityMatches(canonicalizePhrases(lower))) {
    if (!wanted.has(match.tag)) continue;
    const own = analyzeWords(tagWords(match.tag));
    const phrases = match.phrases.map((phrase) => analyzeWords(phrase)).filter((terms) => terms.length > 0);
    for (const terms of [own, ...phrases]) for (const term of terms) used.add(term);
    concepts.push({
      label: match.tag,
      kind: 'capability',
      alternatives: uniqueAlternatives([own, ...phrases]),
      weight: CONCEPT_WEIGHTS.capability,
    });
  }
  // The goal's terms with its phrases folded ("retrieval augmented generation" -> `rag`); a word's own terms are
  // alternatives of one concept (`claude` is said by "claude" or "anthropic", `langgraph` by its parts).
  const folded = new Set(analyzeWords(query.terms));
  for (const word of query.terms.split(' ')) {
    const terms = analyzeWords(word).filter((term) => folded.has(term) && !used.has(term));
    if (terms.length === 0) continue;
    for (const term of terms) used.add(term);
    concepts.push(wordConcept(word, terms));
  }
  for (const term of folded) {
    if (used.has(term)) continue;
    used.add(term);
    concepts.push(wordConcept(term, [term]));
  }
  return concepts;
}

function wordConcept(label: string, terms: readonly string[]): GoalConcept {
  return { label, kind: 'word', alternatives: terms.map((term) => [term]), weight: CONCEPT_WEIGHTS.word };
}

function uniqueAlternatives(alternatives: readonly (readonly string[])[]): (readonly string[])[] {
  const seen = new Set<string>();
  return alternatives.filter((terms) => {
    const key = [...terms].sort().join(' ');
    if (terms.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
