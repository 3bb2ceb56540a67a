export { rankCandidates } from './rank-candidates.js';
export { rankTaskNotDue } from './rank-due.js';
export type { RankContext } from './rank-due.js';
export type { RankInput } from './rank-candidates.js';
export { scoreGradedRelevance } from './graded-relevance.js';
export type { RelevanceGrade } from './graded-relevance.js';
export { resolveWeights, COMPONENTS } from './scoring-weights.js';
export type { ComponentName } from './scoring-weights.js';
export {
  ADOPTION_ANCHORS,
  COVERAGE_SETTINGS,
  DEFAULT_WEIGHTS,
  FRESHNESS_SETTINGS,
  LICENSE_SCORES,
  MAX_WEIGHT,
  RELEVANCE_SETTINGS,
} from './scoring-settings.js';
export { RANKER_ERROR_CODES } from './errors.js';
export type { RankerErrorCode } from './errors.js';
