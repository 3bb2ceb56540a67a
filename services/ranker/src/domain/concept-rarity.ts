import { inverseDocumentFrequency, type TermStats } from '@swarm/corpus';
import { saysConcept } from './concept-match.js';
import type { GoalConcept } from './goal-concepts.js';

/**
 * The goal's concepts with its topic words' floor weights (`floorWeight`, what the relevance floor reads) set by
 * how rare the words are in `stats` (the corpus's vocabulary): each word takes of the words' total weight
 * (unchanged: `CONCEPT_WEIGHTS.word` per word) a part in proportion to its inverse document frequency
 * (`inverseDocumentFrequency`, counting the packages that say the concept in any of its alternatives).
 * "websocket server": `websocket` (2 packages of ~300 say it) weighs about 2.7 times `server` (50), so a package
 * that says only "server" meets about a quarter of the goal's words, not half. Capabilities, and the weights the
 * relevance score reads, stay as they are. Without `stats`, or with fewer than two words, the concepts are
 * returned as they are. Pure.
 */
export function weighByRarity(concepts: readonly GoalConcept[], stats: TermStats | undefined): GoalConcept[] {
  const words = concepts.filter((concept) => concept.kind === 'word');
  if (stats === undefined || stats.documents.length === 0 || words.length < 2) return [...concepts];
  const rarity = new Map(
    words.map((concept) => {
      const df = stats.documents.filter((terms) => saysConcept(terms, concept)).length;
      return [concept, inverseDocumentFrequency(stats.documents.length, df)] as const;
    }),
  );
  const total = words.reduce((sum, concept) => sum + (rarity.get(concept) ?? 0), 0);
  const wordWeight = words.reduce((sum, concept) => sum + concept.weight, 0);
  if (total <= 0) return [...concepts];
  return concepts.map((concept) =>
    concept.kind === 'word'
      ? { ...concept, floorWeight: (wordWeight * (rarity.get(concept) ?? 0)) / total }
      : concept,
  );
}
