import type { ScoringWeights } from '@swarm/contracts';

/**
 * Every number the ranker scores with, in one place. Each component scores 0..1; the final score is the
 * weighted sum with the weights normalized to sum to 1. Changing a number here changes every ranking, so
 * the numbers are fixed anchors (not relative to the candidates of one goal): a score means the same thing
 * across goals.
 */

/**
 * Default weight of each component before normalization. A goal may override any subset (each 0..10).
 * Relevance leads because a popular package that does not do what was asked is the wrong answer.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = {
  relevance: 4,
  adoption: 2,
  freshness: 1.5,
  coverage: 1.5,
  license: 1,
};

/** Largest weight a goal may ask for (the contract's `ScoringWeights` bound). */
export const MAX_WEIGHT = 10;

/**
 * Relevance, measured (the builtin brain): the search agent's score (as a share of the best candidate's)
 * blended with how many query terms the page (or, unscraped, the registry summary and keywords) mentions.
 * `searchShare` is the search part's share; the term-coverage part gets the rest.
 *
 * Relevance, graded (the model-backed brain): a model grades each candidate's relevance to the goal as a whole
 * number from 0 to `maxGrade` (3 = does what the goal asks, 2 = a close fit, 1 = related, 0 = unrelated),
 * citing the candidate's facts. The component is then `grade / maxGrade` (0, 0.33, 0.67 or 1) and its
 * rationale is the model's, introduced as "Graded <g> of 3 by the model". Adoption, freshness, coverage and
 * license stay measured, and the weights and the weighted sum are the same.
 */
export const RELEVANCE_SETTINGS = { searchShare: 0.5, maxGrade: 3 } as const;

/**
 * Adoption is `log10(monthlyDownloads + 1)` placed linearly between two fixed anchors: 1K downloads a month
 * scores 0, 10M scores 1, clamped outside. One decade of downloads is worth 0.25.
 */
export const ADOPTION_ANCHORS = { zeroAtMonthlyDownloads: 1_000, oneAtMonthlyDownloads: 10_000_000 } as const;

/**
 * Freshness decays exponentially with the age of the last publication: `0.5 ^ (ageDays / halfLifeDays)`.
 * A package published today scores 1, one published `halfLifeDays` ago 0.5. An unknown date scores
 * `unknownScore`: no evidence either way, leaning to stale.
 */
export const FRESHNESS_SETTINGS = { halfLifeDays: 180, unknownScore: 0.3 } as const;

/**
 * Coverage counts the features found on the scraped page (or the registry keywords when unscraped): a feature
 * that names a query term is worth `queryMatchPoints`, any other `otherFeaturePoints`. The points saturate:
 * `1 - 0.5 ^ (points / halfScorePoints)`, so 3 points score 0.5, 6 score 0.75 and 12 score 0.94.
 */
export const COVERAGE_SETTINGS = { queryMatchPoints: 2, otherFeaturePoints: 1, halfScorePoints: 3 } as const;

/**
 * License score by family. In an SPDX expression the best option of an `OR` wins and the worst part of an
 * `AND` counts (every part applies).
 */
export const LICENSE_SCORES = {
  /** MIT, Apache-2.0, BSD-*, ISC, 0BSD, Unlicense (and the like: MIT-0, Zlib, CC0-1.0, BSL-1.0). */
  permissive: 1,
  /** MPL-*, LGPL-*, EPL-*: copyleft on the library's own files only. */
  weakCopyleft: 0.6,
  /** GPL-*, AGPL-*: copyleft that reaches the software that uses it. */
  strongCopyleft: 0.3,
  /** None declared, proprietary (`UNLICENSED`), `SEE LICENSE IN ...`, or a name the ranker does not know. */
  unknown: 0.1,
} as const;

/** Scores and weights are rounded to this many decimals, so equal-looking scores tie exactly. */
export const SCORE_DECIMALS = 4;

/** The reason a missing entry gives when its candidate has no scrape outcome at all. */
export const NEVER_SCRAPED = 'page was not scraped';
