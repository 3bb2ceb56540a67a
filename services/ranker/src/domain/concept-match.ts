import {
  analyze,
  canonicalizePhrases,
  capabilitiesIn,
  FIELD_WEIGHTS,
  isCompanionCapability,
  type PackageField,
} from '@swarm/corpus';
import type { GoalConcept } from './goal-concepts.js';
import { RELEVANCE_FLOOR } from './scoring-settings.js';

/**
 * A field the ranker reads a candidate from: the search's fields. A scraped page's main text is not one: its
 * navigation and boilerplate ("search the docs", "last published") would meet any goal's words.
 */
export type MatchField = PackageField;

/** Weight of each field a concept can be met in: the search's `FIELD_WEIGHTS` (`@swarm/corpus`). */
export const MATCH_FIELD_WEIGHTS: Readonly<Record<MatchField, number>> = FIELD_WEIGHTS;

const BEST_FIELD_WEIGHT = Math.max(...Object.values(MATCH_FIELD_WEIGHTS));

/** Analyzed terms shorter than this match only exactly; longer ones also as the start of a text's term. */
const MIN_PREFIX_TERM_LENGTH = 5;

/** How a candidate's text meets a goal's concepts. */
export interface ConceptMatch {
  /** Each concept met, with the best-weighted field it was met in. */
  readonly met: readonly { readonly concept: GoalConcept; readonly field: MatchField }[];
  readonly missed: readonly GoalConcept[];
  /**
   * Weighted share of the goal's meaning met anywhere, 0..1 (1 for a goal without concepts), what the relevance
   * floor is applied to. The capabilities a goal names count as one group, met by meeting any of them: "cut
   * documents into pieces before embedding them" asks for chunking (`rag`); embeddings are its context.
   */
  readonly share: number;
  /**
   * The same share with the goal's words weighed by their rarity among the domain's packages (`floorWeight`,
   * `weighByRarity`): low when the candidate meets only the goal's common words ("server" of "websocket
   * server"). Equal to `share` when the concepts carry no floor weights.
   */
  readonly rarityShare: number;
  /**
   * Weighted share of the concepts met, each counted once at the weight of its best field relative to the best
   * field there is: 1 when every concept is in the name or the capability tags. 0..1 (1 without concepts).
   */
  readonly score: number;
}

/** The analyzed terms of each field of a candidate (the shared analyzer of `@swarm/corpus`). */
export type FieldTerms = Readonly<Partial<Record<MatchField, ReadonlySet<string>>>>;

/** Analyzes the text of each field once. Pure. */
export function fieldTerms(texts: Readonly<Partial<Record<MatchField, string>>>): FieldTerms {
  const terms: Partial<Record<MatchField, ReadonlySet<string>>> = {};
  for (const [field, text] of Object.entries(texts) as [MatchField, string | undefined][]) {
    if (text !== undefined && text.trim() !== '') terms[field] = new Set(analyze(text));
  }
  return terms;
}

function holds(terms: ReadonlySet<string>, term: string): boolean {
  if (terms.has(term)) return true;
  if (term.length < MIN_PREFIX_TERM_LENGTH) return false;
  for (const candidate of terms) if (candidate.startsWith(term)) return true;
  return false;
}

/**
 * Whether a text's analyzed terms say a concept: they hold every term of one of its alternatives (a term of 5+
 * characters also as the start of a text's term). Pure.
 */
export function saysConcept(terms: ReadonlySet<string>, concept: Pick<GoalConcept, 'alternatives'>): boolean {
  return concept.alternatives.some((alternative) => alternative.every((term) => holds(terms, term)));
}

function bestField(concept: GoalConcept, fields: FieldTerms): MatchField | undefined {
  let best: MatchField | undefined;
  for (const [field, terms] of Object.entries(fields) as [MatchField, ReadonlySet<string>][]) {
    const says = saysConcept(terms, concept);
    if (says && (best === undefined || MATCH_FIELD_WEIGHTS[field] > MATCH_FIELD_WEIGHTS[best])) best = field;
  }
  return best;
}

/**
 * Meets a goal's distinct concepts in a candidate's fields. Each concept counts once, at its best field, however
 * often its words occur, so repeating a word (keyword stuffing) earns nothing; a field never counts for more
 * than its weight. Pure.
 */
export function matchConcepts(concepts: readonly GoalConcept[], fields: FieldTerms): ConceptMatch {
  const met: { concept: GoalConcept; field: MatchField }[] = [];
  const missed: GoalConcept[] = [];
  for (const concept of concepts) {
    const field = bestField(concept, fields);
    if (field === undefined) missed.push(concept);
    else met.push({ concept, field });
  }
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (total <= 0) return { met, missed, share: 1, rarityShare: 1, score: 1 };
  const fieldWeighted = met.reduce(
    (sum, { concept, field }) => sum + (concept.weight * MATCH_FIELD_WEIGHTS[field]) / BEST_FIELD_WEIGHT,
    0,
  );
  return {
    met,
    missed,
    share: meaningShare(concepts, met, (concept) => concept.weight),
    rarityShare: meaningShare(concepts, met, (concept) => concept.floorWeight ?? concept.weight),
    score: fieldWeighted / total,
  };
}

/**
 * The share of {@link ConceptMatch.share} (and `rarityShare`): words by `weightOf`, the capabilities as one group
 * (the heaviest of them).
 */
function meaningShare(
  concepts: readonly GoalConcept[],
  met: readonly { readonly concept: GoalConcept }[],
  weightOf: (concept: GoalConcept) => number,
): number {
  const group = (list: readonly GoalConcept[]) => {
    const capabilities = list.filter((concept) => concept.kind === 'capability');
    const words = list.filter((concept) => concept.kind === 'word');
    return (
      Math.max(0, ...capabilities.map(weightOf)) + words.reduce((sum, concept) => sum + weightOf(concept), 0)
    );
  };
  const total = group(concepts);
  return total > 0 ? group(met.map(({ concept }) => concept)) / total : 1;
}

/** How much a feature that is a companion of an asked capability (`CAPABILITY_COMPANIONS`) adds to the focus. */
const COMPANION_FOCUS = 0.5;

/**
 * The focus of a candidate on the capabilities a goal names: of its features that name a capability of the
 * shared vocabulary (`capabilitiesIn`; "First-class TypeScript support" names none), the share that say one of
 * the goal's capability concepts, a companion of one (`CAPABILITY_COMPANIONS`: vector stores for RAG) counting
 * half. Undefined when the goal names no capability or the candidate has no feature naming one. `evalite`
 * (evals) is focused on "LLM evaluation"; a framework with ten capabilities, evals among them, is not. Pure.
 */
export function capabilityFocus(
  concepts: readonly GoalConcept[],
  features: readonly string[],
): number | undefined {
  const capabilities = concepts.filter((concept) => concept.kind === 'capability');
  const named = features
    .map((feature) => ({ feature, tags: capabilitiesIn(canonicalizePhrases(feature)) }))
    .filter(({ tags }) => tags.length > 0);
  if (capabilities.length === 0 || named.length === 0) return undefined;
  const points = named.map(({ feature, tags }): number => {
    if (matchConcepts(capabilities, fieldTerms({ features: feature })).met.length > 0) return 1;
    const companion = capabilities.some((concept) =>
      tags.some((tag) => isCompanionCapability(concept.label, tag)),
    );
    return companion ? COMPANION_FOCUS : 0;
  });
  return points.reduce((sum, point) => sum + point, 0) / named.length;
}

/**
 * Whether a candidate's match clears the measured relevance floor (`RELEVANCE_FLOOR`): it meets at least
 * `minConceptShare` of the goal's weighted concepts, and at least `minRarityShare` of them with the goal's words
 * weighed by rarity (a match on common words only is not a match on the goal's point). Pure.
 */
export function clearsConceptFloor(match: ConceptMatch): boolean {
  return (
    match.share >= RELEVANCE_FLOOR.minConceptShare && match.rarityShare >= RELEVANCE_FLOOR.minRarityShare
  );
}
