import { packageFields, parseGoalQuery, type TermStats } from '@swarm/corpus';
import type { Candidate, MissingEntry, Ranking, ScoringWeights, ScrapeOutcome } from '@swarm/contracts';
import { scoreAdoption } from './adoption-score.js';
import { componentRelevance } from './component-role.js';
import { capabilityFocus, clearsConceptFloor, fieldTerms, matchConcepts } from './concept-match.js';
import { weighByRarity } from './concept-rarity.js';
import { distinct, scoreCoverage } from './coverage-score.js';
import { deprecationOf } from './deprecation.js';
import { invalidInput } from './errors.js';
import { scoreFreshness } from './freshness-score.js';
import { goalConcepts } from './goal-concepts.js';
import { type RelevanceGrade, scoreGradedRelevance } from './graded-relevance.js';
import { licenseMiss } from './license-constraint.js';
import { scoreLicense } from './license-score.js';
import { groupFamilies } from './package-family.js';
import { type Scored, toNearMiss, toRankedEntry } from './ranked-entry.js';
import { scoreRelevance } from './relevance-score.js';
import { type ComponentScore, roundScore } from './score-math.js';
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
  /**
   * How the domain's packages use words (`corpusTermStats()` of `@swarm/corpus`): the relevance floor then also
   * weighs the goal's topic words by their rarity (`weighByRarity`, `RELEVANCE_FLOOR.minRarityShare`); without it
   * the words weigh alike there too. The relevance score is the same either way.
   */
  readonly termStats?: TermStats;
}

/** Longest reason of a missing entry (the contract's bound). */
const MAX_REASON_CHARS = 1_000;

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
  const concepts = weighByRarity(goalConcepts(input.query), input.termStats);
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
        : componentRelevance(
            scoreRelevance({
              searchScore: candidate.searchScore,
              bestSearchScore,
              match,
              conceptCount: concepts.length,
              scraped,
              focus: capabilityFocus(concepts, extract?.features ?? []),
            }),
            input.query,
            candidate,
          ),
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
      (grade ? grade.grade >= RELEVANCE_FLOOR.minGrade : clearsConceptFloor(match));
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
