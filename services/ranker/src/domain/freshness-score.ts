import { FRESHNESS_SETTINGS } from './scoring-settings.js';
import { clamp01, type ComponentScore } from './score-math.js';

const DAY_MS = 86_400_000;

/**
 * Freshness: `0.5 ^ (ageDays / halfLifeDays)` from the last publication date (`YYYY-MM-DD`); a date in the
 * future counts as today; an unknown or unreadable date scores `FRESHNESS_SETTINGS.unknownScore`. Pure.
 */
export function scoreFreshness(
  lastPublished: string | undefined,
  now: Date,
  halfLifeDays: number = FRESHNESS_SETTINGS.halfLifeDays,
): ComponentScore {
  const published = lastPublished === undefined ? Number.NaN : Date.parse(`${lastPublished}T00:00:00Z`);
  if (Number.isNaN(published)) {
    return {
      score: FRESHNESS_SETTINGS.unknownScore,
      rationale: `publication date unknown: scored ${FRESHNESS_SETTINGS.unknownScore}, leaning stale.`,
    };
  }
  const ageDays = Math.max(0, Math.floor((now.getTime() - published) / DAY_MS));
  const score = clamp01(0.5 ** (ageDays / halfLifeDays));
  const age = ageDays === 0 ? 'today' : ageDays === 1 ? '1 day ago' : `${ageDays} days ago`;
  return {
    score,
    rationale: `Last published ${lastPublished} (${age}): ${Math.round(score * 100)}% freshness with a ${halfLifeDays}-day half-life.`,
  };
}
