import { analyze } from '@swarm/corpus';
import { fieldTerms, matchConcepts } from './concept-match.js';
import type { GoalConcept } from './goal-concepts.js';
import { COVERAGE_SETTINGS } from './scoring-settings.js';
import { clamp01, type ComponentScore, listNames } from './score-math.js';

/** What coverage is scored from. */
export interface CoverageFacts {
  /** Features found on the scraped page, or the registry keywords when the page was not scraped. */
  readonly features: readonly string[];
  /** The goal's concepts (`goalConcepts`). */
  readonly concepts: readonly GoalConcept[];
  readonly scraped: boolean;
}

/**
 * Coverage: each distinct feature earns points, `queryMatchPoints` when it says one of the goal's concepts, else
 * `otherFeaturePoints`; the other features together earn at most `maxOtherPoints`, so a long keyword list
 * (`agent`, `agents`, `agentic`, `ai-agent`, ...) cannot buy coverage. Features are distinct by their analyzed
 * terms (`agents` repeats `agent`). The points saturate as `1 - 0.5 ^ (points / halfScorePoints)` (see
 * `COVERAGE_SETTINGS`). Pure.
 */
export function scoreCoverage(facts: CoverageFacts): ComponentScore {
  const features = distinctByMeaning(facts.features);
  const where = facts.scraped ? 'on the scraped page' : 'in the registry keywords (page not scraped)';
  if (features.length === 0) return { score: 0, rationale: `No features found ${where}.` };
  const matching = features.filter(
    (feature) => matchConcepts(facts.concepts, fieldTerms({ features: feature })).met.length > 0,
  );
  const others = features.length - matching.length;
  const points =
    matching.length * COVERAGE_SETTINGS.queryMatchPoints +
    Math.min(others * COVERAGE_SETTINGS.otherFeaturePoints, COVERAGE_SETTINGS.maxOtherPoints);
  const score = clamp01(1 - 0.5 ** (points / COVERAGE_SETTINGS.halfScorePoints));
  const matched =
    matching.length > 0
      ? `, ${matching.length} naming the query (${listNames(matching, 4)})`
      : ', none naming the query';
  return {
    score,
    rationale:
      `${features.length} distinct feature${features.length === 1 ? '' : 's'} ${where}${matched}: ${points} ` +
      `points (other features capped at ${COVERAGE_SETTINGS.maxOtherPoints}) on a saturating curve ` +
      `(${COVERAGE_SETTINGS.halfScorePoints} points -> 0.5).`,
  };
}

/**
 * Features without blanks and repeats: case-insensitive, and by their analyzed terms (`agents` and `agent`
 * are one feature), first spelling kept. Pure.
 */
export function distinctByMeaning(features: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const feature of distinct(features)) {
    const key = analyze(feature).sort().join(' ') || feature.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(feature);
  }
  return kept;
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
