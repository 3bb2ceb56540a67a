import type { Ranking } from '@swarm/contracts';
import { cut, formatScore } from './report-view.js';

/** How many ranked names the summary spells out before an ellipsis. */
const NAMED = 3;
/** Longest summary, so it fits any event's message field. */
const MAX_CHARS = 1_000;

/**
 * One line for events and logs: "Top 5 of 10 candidates: a (0.82), b (0.79), c (0.71), …; 1 page missing", or,
 * when nothing cleared the relevance floor, "No candidate ranked of 10 candidates (closest: a, b, c); …". Pure.
 */
export function summarizeRanking(ranking: Ranking): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const names = ranking.ranked
    .slice(0, NAMED)
    .map((entry) => `${cut(entry.candidate.name, 80)} (${formatScore(entry.score)})`);
  if (ranking.ranked.length > NAMED) names.push('…');
  const closest = (ranking.nearMisses ?? []).slice(0, NAMED).map((miss) => cut(miss.name, 80));
  const head =
    ranking.ranked.length === 0
      ? `No candidate ranked of ${plural(ranking.considered, 'candidate')}` +
        (closest.length > 0 ? ` (closest: ${closest.join(', ')})` : '')
      : `Top ${ranking.ranked.length} of ${plural(ranking.considered, 'candidate')}: ${names.join(', ')}`;
  const missing =
    ranking.missing.length === 0 ? 'every page scraped' : `${plural(ranking.missing.length, 'page')} missing`;
  return cut(`${head}; ${missing}`, MAX_CHARS);
}
