import type { PackageRecord } from '../domain/package-record.js';
import type { SourceHit } from './search-source.js';

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Facts of `best`, with the ones it lacks taken from `other`. */
function fillFacts(best: PackageRecord, other: PackageRecord): PackageRecord {
  return {
    ...best,
    summary: best.summary.trim() === '' ? other.summary : best.summary,
    keywords: best.keywords.length === 0 ? other.keywords : best.keywords,
    features: best.features.length === 0 ? other.features : best.features,
    monthlyDownloads: Math.max(best.monthlyDownloads, other.monthlyDownloads),
    license: best.license ?? other.license,
    version: best.version ?? other.version,
    lastPublished: best.lastPublished ?? other.lastPublished,
    homepage: best.homepage ?? other.homepage,
    repository: best.repository ?? other.repository,
  };
}

/**
 * Merges the hit lists of several sources into one list, best first. Each list's scores are first divided by
 * that list's best score (so every source's top hit scores 1 and scores are comparable across sources; a list
 * whose best score is 0 scores 0 throughout). Hits for the same package (same name, case-insensitive) merge
 * into one: the best-scoring hit wins (the earlier list on a tie) and takes the facts it lacks from the others
 * (license, version, dates, links, keywords, the larger download count). Order: score, then monthly downloads,
 * then name.
 */
export function mergeHits(lists: readonly (readonly SourceHit[])[]): SourceHit[] {
  const merged = new Map<string, SourceHit>();
  for (const hits of lists) {
    const top = Math.max(0, ...hits.map((hit) => (Number.isFinite(hit.score) ? hit.score : 0)));
    for (const hit of hits) {
      const score = top > 0 && Number.isFinite(hit.score) ? Math.max(0, hit.score) / top : 0;
      const normalized: SourceHit = { ...hit, score };
      const key = nameKey(hit.pkg.name);
      const existing = merged.get(key);
      if (existing === undefined) {
        merged.set(key, normalized);
        continue;
      }
      const [best, other] =
        normalized.score > existing.score ? [normalized, existing] : [existing, normalized];
      merged.set(key, {
        ...best,
        pkg: fillFacts(best.pkg, other.pkg),
        pageUrl: best.pageUrl ?? other.pageUrl,
      });
    }
  }
  return [...merged.values()].sort(
    (a, b) =>
      b.score - a.score ||
      b.pkg.monthlyDownloads - a.pkg.monthlyDownloads ||
      (a.pkg.name < b.pkg.name ? -1 : a.pkg.name > b.pkg.name ? 1 : 0),
  );
}
