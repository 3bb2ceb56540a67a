import type { Ranking } from '@swarm/contracts';

/** Most sources an entry lists (the contract's bound on `RankedEntry.sources`). */
const MAX_SOURCES = 8;

/** The placeholder of `REPORT_PACKAGE_PAGE_URL` that the package's name replaces. */
export const PACKAGE_NAME_PLACEHOLDER = '{name}';

/**
 * The URL of a package's page on a registry website from a template with `{name}`
 * (`https://registry.example/package/{name}` -> `https://registry.example/package/@scope/pkg`). The name keeps
 * its `@` and `/` (that is how registry websites address scoped packages); anything else outside the URL-safe
 * characters is percent-encoded. Pure.
 */
export function packagePageUrl(template: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9@/._~-]/g, (char) => encodeURIComponent(char));
  return template.split(PACKAGE_NAME_PLACEHOLDER).join(safe);
}

/**
 * The ranking with each entry's package page on a registry website (`template`, see {@link packagePageUrl}) added
 * to its sources, after the sources the ranker gave (the docs page, homepage, repository), once, within the
 * contract's eight sources (it replaces the last one when there are eight). The ranking as given when `template`
 * is undefined. Pure.
 */
export function withPackagePages(ranking: Ranking, template: string | undefined): Ranking {
  if (template === undefined) return ranking;
  return {
    ...ranking,
    ranked: ranking.ranked.map((entry) => {
      const page = packagePageUrl(template, entry.candidate.name);
      if (entry.sources.includes(page)) return entry;
      const kept = entry.sources.slice(0, MAX_SOURCES - 1);
      return { ...entry, sources: [...kept, page] };
    }),
  };
}
