import { packageFields, parseGoalQuery } from '@swarm/corpus';
import type {
  Candidate,
  MissingEntry,
  NearMiss,
  PageExtract,
  RankedEntry,
  Ranking,
  ScoringWeights,
  ScrapeOutcome,
} from '@swarm/contracts';
import { scoreAdoption } from './adoption-score.js';
import { capabilityFocus, type ConceptMatch, fieldTerms, matchConcepts } from './concept-match.js';
import { distinct, scoreCoverage } from './coverage-score.js';
import { type Deprecation, deprecationOf } from './deprecation.js';
import { entryRationale } from './entry-rationale.js';
import { entrySources } from './entry-sources.js';
import { invalidInput } from './errors.js';
import { scoreFreshness } from './freshness-score.js';
import { type GoalConcept, goalConcepts } from './goal-concepts.js';
import { type RelevanceGrade, scoreGradedRelevance } from './graded-relevance.js';
import { licenseMiss } from './license-constraint.js';
import { scoreLicense } from './license-score.js';
import { groupFamilies } from './package-family.js';
import { conceptDetail, scoreRelevance } from './relevance-score.js';
import { type ComponentScore, formatScore, roundScore } from './score-math.js';
import {
  DEPRECATION_SETTINGS,
  FRESHNESS_SETTINGS,
  NEVER_SCRAPED,
  RELEVANCE_FLOOR,
} from './scoring-settings.js';
import { COMPONENTS, type ComponentName, resolveWeights } from './scoring-weights.js';

/** What the ranker scores: the goal's query and candidates, and how each candidate's scrape ended. */
export interface RankInput {
  readonly goalId: string;
  readonly query: string;
  readonly topN: number;
  readonly candidates: readonly Candidate[];
  /** Candidate id -> its scrape outcome; absent means the page was never scraped. */
  readonly outcomes: Readonly<Record<string, ScrapeOutcome | undefined>>;
  /** The goal's overrides of `DEFAULT_WEIGHTS` (each 0..10). */
  readonly weights?: Partial<ScoringWeights>;
  readonly now: Date;
  /** Freshness half-life in days; `FRESHNESS_SETTINGS.halfLifeDays` (180) when absent. */
  readonly halfLifeDays?: number;
  /**
   * Candidate id -> a model's relevance grade (0..3) and rationale. A graded candidate's relevance is
   * `grade / 3` with the model's rationale instead of the measured blend; an ungraded one keeps the measured
   * relevance. Every other component is measured either way.
   */
  readonly relevanceGrades?: Readonly<Record<string, RelevanceGrade | undefined>>;
}

/** Longest reason of a missing entry, and most features and claims of a ranked one (the contract's bounds). */
const MAX_REASON_CHARS = 1_000;
const MAX_FEATURES = 64;
const MAX_FEATURE_CHARS = 100;
const MAX_CLAIMS = 32;
const MAX_FAMILY = 16;

interface Scored {
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

/**
 * Scores every candidate on relevance, adoption, freshness, coverage and license (see `scoring-settings.ts`),
 * orders them by score (ties: more monthly downloads, then name, then id) and keeps the best `topN` places.
 * Relevance reads the goal with the shared analyzer of `@swarm/corpus` (`goalConcepts`, `matchConcepts`). A
 * candidate below `RELEVANCE_FLOOR` is not ranked; the closest go to `nearMisses` (all of them fall below when
 * nothing fitted, and `ranked` is empty). One package family takes one place (`groupFamilies`: led by its main
 * package, the others in the entry's `family`). A candidate that declares itself deprecated scores
 * `DEPRECATION_SETTINGS.scoreFactor` times less and names its successor. A candidate whose page was not scraped
 * is still ranked on its registry metadata (`scraped: false`) and is listed in `missing`. With
 * `relevanceGrades`, a graded candidate's relevance is the model's grade / 3 (see `RELEVANCE_SETTINGS`). Pure
 * and deterministic for a given `now`.
 *
 * @throws TaskError (permanent) `invalid-weights` for weights outside 0..10 or all zero; `invalid-input` for a
 *   `topN` below 1, a half-life that is not a positive number, or a relevance grade outside 0..3.
 */
export function rankCandidates(input: RankInput): Ranking {
  if (!Number.isInteger(input.topN) || input.topN < 1) {
    throw invalidInput(`topN must be a whole number of at least 1, got ${input.topN}`);
  }
  const halfLifeDays = input.halfLifeDays ?? FRESHNESS_SETTINGS.halfLifeDays;
  if (!Number.isFinite(halfLifeDays) || halfLifeDays <= 0) {
    throw invalidInput(`freshness half-life must be a positive number of days, got ${halfLifeDays}`);
  }
  const weights = resolveWeights(input.weights);
  const concepts = goalConcepts(input.query);
  const licenseConstraint = parseGoalQuery(input.query).license;
  const names = input.candidates.map((candidate) => candidate.name);
  const bestSearchScore = Math.max(0, ...input.candidates.map((candidate) => candidate.searchScore));
  const mostDownloaded = Math.max(0, ...input.candidates.map((candidate) => candidate.monthlyDownloads));

  const missing: MissingEntry[] = [];
  const scored = input.candidates.map((candidate): Scored => {
    const outcome = input.outcomes[candidate.id];
    const extract = outcome?.ok ? outcome.extract : undefined;
    let notScrapedReason: string | undefined;
    if (!outcome?.ok) {
      notScrapedReason = missingReason(outcome);
      missing.push({
        candidateId: candidate.id,
        name: candidate.name,
        url: outcome?.url ?? candidate.url,
        reason: notScrapedReason.slice(0, MAX_REASON_CHARS),
      });
    }
    const scraped = extract !== undefined;
    const features = distinct(extract ? extract.features : candidate.keywords);
    const description = extract ? `${candidate.summary} ${extract.description}` : candidate.summary;
    const match = matchConcepts(
      concepts,
      fieldTerms(packageFields({ ...candidate, summary: description, features: extract?.features })),
    );
    const licenseFromPage = candidate.license === undefined && extract?.license !== undefined;
    const grade = input.relevanceGrades?.[candidate.id];
    const components: Record<ComponentName, ComponentScore> = {
      relevance: grade
        ? scoreGradedRelevance(candidate.id, grade)
        : scoreRelevance({
            searchScore: candidate.searchScore,
            bestSearchScore,
            match,
            conceptCount: concepts.length,
            scraped,
            focus: capabilityFocus(concepts, extract?.features ?? []),
          }),
      adoption: scoreAdoption(candidate.monthlyDownloads, mostDownloaded),
      freshness: scoreFreshness(candidate.lastPublished, input.now, halfLifeDays),
      coverage: scoreCoverage({ features, concepts, scraped }),
      license: scoreLicense(
        candidate.license ?? extract?.license,
        licenseFromPage ? 'the scraped page' : undefined,
      ),
    };
    const deprecation = deprecationOf(description, candidate.name, names);
    const weighted = COMPONENTS.reduce((sum, name) => sum + weights[name] * components[name].score, 0);
    const score = roundScore(Math.min(1, weighted) * (deprecation ? DEPRECATION_SETTINGS.scoreFactor : 1));
    const missedLicense = licenseConstraint
      ? licenseMiss(licenseConstraint, candidate.license ?? extract?.license)
      : undefined;
    const relevant =
      missedLicense === undefined &&
      (grade ? grade.grade >= RELEVANCE_FLOOR.minGrade : match.share >= RELEVANCE_FLOOR.minConceptShare);
    return {
      candidate,
      extract,
      notScrapedReason,
      score,
      components,
      features,
      match,
      grade,
      deprecation,
      licenseMiss: missedLicense,
      relevant,
    };
  });

  scored.sort(compareScored);
  const families = groupFamilies(
    scored.filter((entry) => entry.relevant),
    (entry) => entry.candidate.name,
    (entry) => entry.deprecation === undefined,
  );
  const ranked = families
    .slice(0, input.topN)
    .map((family, index) => toRankedEntry(family.lead, index + 1, scored.length, weights, family.members));
  const nearMisses = scored
    .filter((entry) => !entry.relevant)
    .sort((a, b) => b.match.share - a.match.share || compareScored(a, b))
    .slice(0, RELEVANCE_FLOOR.nearMisses)
    .map((entry) => toNearMiss(entry, concepts));
  return {
    goalId: input.goalId,
    query: input.query,
    topN: input.topN,
    generatedAt: input.now.toISOString(),
    weights,
    ranked,
    considered: input.candidates.length,
    missing,
    ...(nearMisses.length > 0 ? { nearMisses } : {}),
  };
}

/** A candidate below the floor as a near miss: how much of the goal it meets, and what it misses. */
function toNearMiss(entry: Scored, concepts: readonly GoalConcept[]): NearMiss {
  const floor = Math.round(RELEVANCE_FLOOR.minConceptShare * 100);
  const reason = entry.licenseMiss
    ? entry.licenseMiss
    : entry.grade
      ? `graded ${entry.grade.grade} of 3 by the model, below the floor of ${RELEVANCE_FLOOR.minGrade}: ` +
        entry.grade.rationale
      : `meets ${Math.round(entry.match.share * 100)}% of the goal's ${concepts.length} concepts, below the ` +
        `floor of ${floor}% (${conceptDetail(entry.match)})`;
  return {
    candidateId: entry.candidate.id,
    name: entry.candidate.name,
    url: entry.extract?.finalUrl ?? entry.candidate.url,
    reason: reason.slice(0, MAX_REASON_CHARS),
  };
}

/** Score descending; ties go to more monthly downloads, then name, then id (code-unit order, locale-free). */
function compareScored(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    b.candidate.monthlyDownloads - a.candidate.monthlyDownloads ||
    compareText(a.candidate.name, b.candidate.name) ||
    compareText(a.candidate.id, b.candidate.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function missingReason(outcome: ScrapeOutcome | undefined): string {
  if (outcome === undefined) return NEVER_SCRAPED;
  if (outcome.ok) return '';
  const message = outcome.error.message.trim();
  return message === '' ? `scrape failed (${outcome.error.code})` : message;
}

function toRankedEntry(
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
