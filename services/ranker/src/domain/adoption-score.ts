import { ADOPTION_ANCHORS } from './scoring-settings.js';
import { clamp01, type ComponentScore, formatCount } from './score-math.js';

const low = Math.log10(ADOPTION_ANCHORS.zeroAtMonthlyDownloads);
const high = Math.log10(ADOPTION_ANCHORS.oneAtMonthlyDownloads);
const scale = `log scale, ${formatCount(ADOPTION_ANCHORS.zeroAtMonthlyDownloads)} -> 0, ${formatCount(ADOPTION_ANCHORS.oneAtMonthlyDownloads)} -> 1`;

/**
 * Adoption: `log10(monthlyDownloads + 1)` placed between the fixed anchors of `ADOPTION_ANCHORS`, clamped.
 * `mostDownloaded` is the highest download count among the goal's candidates (named in the rationale only;
 * it never changes the score). Pure.
 */
export function scoreAdoption(monthlyDownloads: number, mostDownloaded: number): ComponentScore {
  const score = clamp01((Math.log10(monthlyDownloads + 1) - low) / (high - low));
  const standing =
    monthlyDownloads > 0 && monthlyDownloads >= mostDownloaded ? ', the most of the candidates' : '';
  let where: string;
  if (score >= 1) where = `at or above the ${formatCount(ADOPTION_ANCHORS.oneAtMonthlyDownloads)} anchor`;
  else if (score <= 0)
    where = `at or below the ${formatCount(ADOPTION_ANCHORS.zeroAtMonthlyDownloads)} anchor`;
  else where = `${Math.round(score * 100)}% of the way between the anchors`;
  return {
    score,
    rationale: `${formatCount(monthlyDownloads)} downloads a month${standing}: ${where} (${scale}).`,
  };
}
