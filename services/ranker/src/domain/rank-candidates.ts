import type {
  Candidate,
  MissingEntry,
  PageExtract,
  RankedEntry,
  Ranking,
  ScoringWeights,
  ScrapeOutcome,
} from '@swarm/contracts';
import { scoreAdoption } from './adoption-score.js';
import { distinct, scoreCoverage } from './coverage-score.js';
import { entryRationale } from './entry-rationale.js';
import { entrySources } from './entry-sources.js';
import { invalidInput } from './errors.js';
import { scoreFreshness } from './freshness-score.js';
import { type RelevanceGrade, scoreGradedRelevance } from './graded-relevance.js';
import { scoreLicense } from './license-score.js';
import { queryTerms, TextIndex } from './query-terms.js';
import { scoreRelevance } from './relevance-score.js';
import { type ComponentScore, roundScore } from './score-math.js';
import { FRESHNESS_SETTINGS, NEVER_SCRAPED } from './scoring-settings.js';
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

interface Scored {
  readonly candidate: Candidate;
  readonly extract: PageExtract | undefined;
  readonly notScrapedReason: string | undefined;
  readonly score: number;
  readonly components: Record<ComponentName, ComponentScore>;
  readonly features: string[];
}

/**
 * Scores every candidate on relevance, adoption, freshness, coverage and license (see `scoring-settings.ts`),
 * orders them by score (ties: more monthly downloads, then name, then id) and keeps the best `topN`. A
 * candidate whose page was not scraped is still ranked on its registry metadata (`scraped: false`) and is
 * listed in `missing`. With `relevanceGrades`, a graded candidate's relevance is the model's grade / 3 (see
 * `RELEVANCE_SETTINGS`). Pure and deterministic for a given `now`.
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
  const terms = queryTerms(input.query);
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
    const text = new TextIndex(
      extract
        ? [candidate.name, extract.title, extract.description, extract.text, ...extract.features]
        : [candidate.name, candidate.summary, ...candidate.keywords],
    );
    const licenseFromPage = candidate.license === undefined && extract?.license !== undefined;
    const grade = input.relevanceGrades?.[candidate.id];
    const components: Record<ComponentName, ComponentScore> = {
      relevance: grade
        ? scoreGradedRelevance(candidate.id, grade)
        : scoreRelevance({
            searchScore: candidate.searchScore,
            bestSearchScore,
            terms,
            text,
            scraped,
          }),
      adoption: scoreAdoption(candidate.monthlyDownloads, mostDownloaded),
      freshness: scoreFreshness(candidate.lastPublished, input.now, halfLifeDays),
      coverage: scoreCoverage({ features, terms, scraped }),
      license: scoreLicense(
        candidate.license ?? extract?.license,
        licenseFromPage ? 'the scraped page' : undefined,
      ),
    };
    const score = roundScore(
      COMPONENTS.reduce((sum, name) => sum + weights[name] * components[name].score, 0),
    );
    return { candidate, extract, notScrapedReason, score: Math.min(1, score), components, features };
  });

  scored.sort(compareScored);
  const ranked = scored
    .slice(0, input.topN)
    .map((entry, index) => toRankedEntry(entry, index + 1, scored.length, weights));
  return {
    goalId: input.goalId,
    query: input.query,
    topN: input.topN,
    generatedAt: input.now.toISOString(),
    weights,
    ranked,
    considered: input.candidates.length,
    missing,
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
  return {
    rank,
    candidate: entry.candidate,
    score: entry.score,
    components,
    rationale: entryRationale({
      rank,
      considered,
      score: entry.score,
      components,
      ...(entry.notScrapedReason === undefined ? {} : { notScrapedReason: entry.notScrapedReason }),
    }).slice(0, 2_000),
    features: entry.features.slice(0, MAX_FEATURES).map((feature) => feature.slice(0, MAX_FEATURE_CHARS)),
    sources: entrySources(entry.candidate, entry.extract),
    scraped: entry.extract !== undefined,
    ...(entry.extract?.claims?.length ? { claims: entry.extract.claims.slice(0, MAX_CLAIMS) } : {}),
  };
}
