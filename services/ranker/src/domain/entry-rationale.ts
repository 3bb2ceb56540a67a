import { formatScore } from './score-math.js';
import { NEVER_SCRAPED } from './scoring-settings.js';
import { COMPONENTS, type ComponentName } from './scoring-weights.js';

/** What the summary of one entry is written from. */
export interface EntryFacts {
  readonly rank: number;
  readonly considered: number;
  readonly score: number;
  readonly components: Readonly<Record<ComponentName, { readonly score: number; readonly weight: number }>>;
  /** Why the page is missing, when it was not scraped. */
  readonly notScrapedReason?: string;
}

/**
 * One or two sentences on why the entry holds its rank: the components that contributed most to its score,
 * its weakest weighted component, and, when unscraped, that it rests on metadata alone. Pure.
 */
export function entryRationale(facts: EntryFacts): string {
  const weighted = COMPONENTS.filter((name) => facts.components[name].weight > 0);
  const byContribution = [...weighted].sort(
    (a, b) =>
      facts.components[b].score * facts.components[b].weight -
        facts.components[a].score * facts.components[a].weight ||
      COMPONENTS.indexOf(a) - COMPONENTS.indexOf(b),
  );
  const strongest = byContribution.slice(0, 2).filter((name) => facts.components[name].score > 0);
  const weakest = [...weighted].sort(
    (a, b) =>
      facts.components[a].score - facts.components[b].score || COMPONENTS.indexOf(a) - COMPONENTS.indexOf(b),
  )[0];
  const describe = (name: ComponentName) => `${name} (${formatScore(facts.components[name].score)})`;

  let first = `Ranked #${facts.rank} of ${facts.considered} with ${formatScore(facts.score)}`;
  first += strongest.length > 0 ? `, carried by ${strongest.map(describe).join(' and ')}` : '';
  if (weakest !== undefined && !strongest.includes(weakest) && facts.components[weakest].score < 0.5) {
    first += `; weakest on ${describe(weakest)}`;
  }
  first += '.';
  if (facts.notScrapedReason === undefined) return first;
  const reason = facts.notScrapedReason;
  const why =
    reason === NEVER_SCRAPED
      ? 'Its page was never scraped'
      : `Its page could not be scraped (${reason.length > 200 ? `${reason.slice(0, 199)}…` : reason})`;
  return `${first} ${why}, so relevance and coverage rest on registry metadata alone.`;
}
