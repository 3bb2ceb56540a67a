import type { NearMiss, PageExtract, RankedEntry, ScoringWeights, Candidate } from '@swarm/contracts';
import type { ConceptMatch } from './concept-match.js';
import type { Deprecation } from './deprecation.js';
import { entryRationale } from './entry-rationale.js';
import { entrySources } from './entry-sources.js';
import type { GoalConcept } from './goal-concepts.js';
import type { RelevanceGrade } from './graded-relevance.js';
import { conceptDetail } from './relevance-score.js';
import { type ComponentScore, formatScore, roundScore } from './score-math.js';
import { DEPRECATION_SETTINGS, RELEVANCE_FLOOR } from './scoring-settings.js';
import type { ComponentName } from './scoring-weights.js';

/** Longest reason of a near miss, and most features and claims of a ranked entry (the contract's bounds). */
const MAX_REASON_CHARS = 1_000;
const MAX_FEATURES = 64;
const MAX_FEATURE_CHARS = 100;
const MAX_CLAIMS = 32;
const MAX_FAMILY = 16;

/** A candidate as `rankCandidates` scored it. */
export interface Scored {
  readonly candidate: Candidate;
  readonly extract: PageExtract | undefined;
  readonly notScrapedReason: string | undefined;
  readonly score: number;
  readonly components: Record<ComponentName, ComponentScore>;
  readonly features: string[];
  readonly match: ConceptMatch;
  readonly grade: RelevanceGrade | undefined;
  readonly deprecation: Deprecation | undefined;
  /** Why its licence does not meet the licence the goal asks for; undefined when it does or none is asked. */
  readonly licenseMiss: string | undefined;
  /** Whether it clears `RELEVANCE_FLOOR` and meets the goal's licence constraint. */
  readonly relevant: boolean;
}

/** A candidate below the floor as a near miss: how much of the goal it meets, and what it misses. */
export function toNearMiss(entry: Scored, concepts: readonly GoalConcept[]): NearMiss {
  const floor = Math.round(RELEVANCE_FLOOR.minConceptShare * 100);
  const reason = entry.licenseMiss
    ? entry.licenseMiss
    : entry.grade
      ? `graded ${entry.grade.grade} of 3 by the model, below the floor of ${RELEVANCE_FLOOR.minGrade}: ` +
        entry.grade.rationale
      : entry.match.share >= RELEVANCE_FLOOR.minConceptShare
        ? `meets ${Math.round(entry.match.share * 100)}% of the goal's ${concepts.length} concepts but only ` +
          `${Math.round(entry.match.rarityShare * 100)}% with its words weighed by their rarity in the corpus, ` +
          `below the floor of ${Math.round(RELEVANCE_FLOOR.minRarityShare * 100)}%: it meets only the goal's ` +
          `common words (${conceptDetail(entry.match)})`
        : `meets ${Math.round(entry.match.share * 100)}% of the goal's ${concepts.length} concepts, below the ` +
          `floor of ${floor}% (${conceptDetail(entry.match)})`;
  return {
    candidateId: entry.candidate.id,
    name: entry.candidate.name,
    url: entry.extract?.finalUrl ?? entry.candidate.url,
    reason: reason.slice(0, MAX_REASON_CHARS),
  };
}

/** A scored candidate as the entry at `rank`, with the members of its family listed under it. */
export function toRankedEntry(
  entry: Scored,
  rank: number,
  considered: number,
  weights: ScoringWeights,
  family: readonly Scored[],
): RankedEntry {
  const component = (name: ComponentName) => ({
    score: roundScore(entry.components[name].score),
    weight: roundScore(weights[name]),
    rationale: entry.components[name].rationale.slice(0, 1_000),
  });
  const components = {
    relevance: component('relevance'),
    adoption: component('adoption'),
    freshness: component('freshness'),
    coverage: component('coverage'),
    license: component('license'),
  };
  const rationale = [
    entryRationale({
      rank,
      considered,
      score: entry.score,
      components,
      ...(entry.notScrapedReason === undefined ? {} : { notScrapedReason: entry.notScrapedReason }),
    }),
    deprecationSentence(entry.deprecation),
    family.length > 0
      ? `Leads its package family; also in it: ${family.map((member) => `${member.candidate.name} (${formatScore(member.score)})`).join(', ')}.`
      : '',
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
  return {
    rank,
    candidate: entry.candidate,
    score: entry.score,
    components,
    rationale: rationale.slice(0, 2_000),
    features: entry.features.slice(0, MAX_FEATURES).map((feature) => feature.slice(0, MAX_FEATURE_CHARS)),
    sources: entrySources(entry.candidate, entry.extract),
    scraped: entry.extract !== undefined,
    ...(entry.extract?.claims?.length ? { claims: entry.extract.claims.slice(0, MAX_CLAIMS) } : {}),
    ...(family.length > 0
      ? {
          family: family.slice(0, MAX_FAMILY).map((member) => ({
            candidateId: member.candidate.id,
            name: member.candidate.name,
            score: member.score,
          })),
        }
      : {}),
  };
}

/** The sentence a deprecated entry carries: that it sank, and its successor when its description names one. */
function deprecationSentence(deprecation: Deprecation | undefined): string {
  if (deprecation === undefined) return '';
  const successor = deprecation.successor === undefined ? '' : ` Its successor: ${deprecation.successor}.`;
  return (
    `Declared deprecated by its description ("${deprecation.notice}"), so its score is multiplied by ` +
    `${DEPRECATION_SETTINGS.scoreFactor}.${successor}`
  );
}
