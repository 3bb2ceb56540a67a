import type { ScoringWeights } from '@swarm/contracts';

/**
 * Every number the ranker scores with, in one place. Each component scores 0..1; the final score is the
 * weighted sum with the weights normalized to sum to 1. Changing a number here changes every ranking, so
 * the numbers are fixed anchors (not relative to the candidates of one goal): a score means the same thing
 * across goals.
 */

/**
 * Default weight of each component before normalization. A goal may override any subset (each 0..10).
 * Relevance leads, with more than the other four together, because a popular package that does not do what was
 * asked is the wrong answer; adoption comes next, as the tie-breaker among packages that fit alike.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = {
  relevance: 6,
  adoption: 2,
  freshness: 1,
  coverage: 0.5,
  license: 0.5,
};

/** Largest weight a goal may ask for (the contract's `ScoringWeights` bound). */
export const MAX_WEIGHT = 10;

/**
 * Relevance, measured (the builtin brain): a blend of three parts, each 0..1. The search agent's score as a share
 * of the best candidate's (`searchShare` of the blend); the focus, the share of the candidate's capability
 * features that are capabilities the goal names (`focusShare`: a package that does one thing the goal asks beats
 * a framework that lists it among ten; when the goal names no capability or the candidate has no features, the
 * concept part stands in); and the rest for the field-weighted share of the goal's concepts its facts meet
 * (`matchConcepts`).
 *
 * Relevance, graded (the model-backed brain): a model grades each candidate's relevance to the goal as a whole
 * number from 0 to `maxGrade` (3 = does what the goal asks, 2 = a close fit, 1 = related, 0 = unrelated),
 * citing the candidate's facts. The component is then `grade / maxGrade` (0, 0.33, 0.67 or 1) and its
 * rationale is the model's, introduced as "Graded <g> of 3 by the model". Adoption, freshness, coverage and
 * license stay measured, and the weights and the weighted sum are the same.
 */
export const RELEVANCE_SETTINGS = { searchShare: 0.4, focusShare: 0.3, maxGrade: 3 } as const;

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
 * Coverage counts the distinct features found on the scraped page (or the registry keywords when unscraped): a
 * feature that says one of the goal's concepts is worth `queryMatchPoints`, any other `otherFeaturePoints`, and
 * the other features together at most `maxOtherPoints` (a long keyword list buys nothing). The points saturate:
 * `1 - 0.5 ^ (points / halfScorePoints)`, so 3 points score 0.5, 6 score 0.75 and 12 score 0.94.
 */
export const COVERAGE_SETTINGS = {
  queryMatchPoints: 2,
  otherFeaturePoints: 1,
  maxOtherPoints: 3,
  halfScorePoints: 3,
} as const;

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

/**
 * Weight of a goal's concepts (`goal-concepts.ts`) in its relevance: a capability the goal names (the corpus's
 * capability vocabulary, met in the user's words or the tag's) counts twice a plain topic word.
 */
export const CONCEPT_WEIGHTS = { capability: 2, word: 1 } as const;

/**
 * The relevance floor: a candidate whose own facts (name, keywords, capability tags, description, links) meet
 * less than `minConceptShare` of the goal's weighted concepts, or less than `minRarityShare` of them with the
 * goal's words weighed by their rarity among the corpus's packages (`weighByRarity`: "server" alone is not a match
 * for "websocket server"; low enough for a wordy paraphrase whose filler words are rare in the corpus too), or
 * that a model graded below `minGrade`, is not ranked however popular, fresh or feature-rich it is; the closest
 * `nearMisses` such candidates are listed as near misses with what they missed. A goal whose every candidate falls below the floor ends with an empty
 * ranking that says nothing fitted.
 */
export const RELEVANCE_FLOOR = {
  minConceptShare: 0.5,
  minRarityShare: 0.35,
  minGrade: 1,
  nearMisses: 5,
} as const;

/**
 * A candidate whose description declares it deprecated (or unmaintained, or superseded) has its score multiplied
 * by `scoreFactor`, so it sinks below current packages that fit as well; its rationale names the successor the
 * description points to.
 */
export const DEPRECATION_SETTINGS = { scoreFactor: 0.5 } as const;

/**
 * A candidate whose own facts declare it a component of another tool (an integration, plugin, provider or adapter;
 * a tokenizer; a package of definitions such as semantic conventions: `packageRole` in `@swarm/corpus`) has its
 * measured relevance multiplied by `relevanceFactor` unless the goal names that kind of component: for a broad
 * goal the tool itself is the answer, the component a related find. A model's grade is left as graded.
 */
export const COMPONENT_SETTINGS = { relevanceFactor: 0.85 } as const;
