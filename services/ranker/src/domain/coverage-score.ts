import { TextIndex } from './query-terms.js';
import { COVERAGE_SETTINGS } from './scoring-settings.js';
import { clamp01, type ComponentScore, listNames } from './score-math.js';

/** What coverage is scored from. */
export interface CoverageFacts {
  /** Features found on the scraped page, or the registry keywords when the page was not scraped. */
  readonly features: readonly string[];
  readonly terms: readonly string[];
  readonly scraped: boolean;
}

/**
 * Coverage: each distinct feature earns points (more when it names a query term); the points saturate as
 * `1 - 0.5 ^ (points / halfScorePoints)` (see `COVERAGE_SETTINGS`). Pure.
 */
export function scoreCoverage(facts: CoverageFacts): ComponentScore {
  const features = distinct(facts.features);
  const where = facts.scraped ? 'on the scraped page' : 'in the registry keywords (page not scraped)';
  if (features.length === 0) return { score: 0, rationale: `No features found ${where}.` };
  const matching = features.filter((feature) => new TextIndex([feature]).mentioned(facts.terms).length > 0);
  const points =
    matching.length * COVERAGE_SETTINGS.queryMatchPoints +
    (features.length - matching.length) * COVERAGE_SETTINGS.otherFeaturePoints;
  const score = clamp01(1 - 0.5 ** (points / COVERAGE_SETTINGS.halfScorePoints));
  const matched =
    matching.length > 0
      ? `, ${matching.length} naming the query (${listNames(matching, 4)})`
      : ', none naming the query';
  return {
    score,
    rationale:
      `${features.length} feature${features.length === 1 ? '' : 's'} ${where}${matched}: ${points} points ` +
      `on a saturating curve (${COVERAGE_SETTINGS.halfScorePoints} points -> 0.5).`,
  };
}

/** Features without blanks and case-insensitive repeats, first spelling kept. */
export function distinct(features: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of features) {
    const feature = raw.trim();
    const key = feature.toLowerCase();
    if (feature === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(feature);
  }
  return kept;
}
