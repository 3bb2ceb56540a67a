import { Candidate, LIMITS } from '@swarm/contracts';
import { packagePagePath } from '@swarm/corpus';
import type { PackageRecord, ScoredPackage } from './package-record.js';
import { packageIdFromName } from './package-record.js';

/** Options of {@link selectCandidates}. */
export interface CandidateSelection {
  /** How many results the goal wants ranked. */
  readonly topN: number;
  /** How many candidates to scrape per wanted result, so failed scrapes leave enough to rank; default 2. */
  readonly factor?: number;
  /** Upper bound on candidates; default and ceiling `LIMITS.candidatesMax`. */
  readonly max?: number;
}

/** The docs server page of a corpus package: `<docsBaseUrl>/packages/<id>.html` (trailing slashes ignored). */
export function docsPageUrl(docsBaseUrl: string, id: string): string {
  return `${docsBaseUrl.replace(/\/+$/, '')}${packagePagePath(id)}`;
}

/** How many candidates to fan out: `min(max, ceil(topN * factor))`, at least 1, at most `LIMITS.candidatesMax`. */
export function candidateCount(selection: CandidateSelection): number {
  const factor = selection.factor ?? 2;
  const max = Math.min(selection.max ?? LIMITS.candidatesMax, LIMITS.candidatesMax);
  return Math.max(1, Math.min(max, Math.ceil(selection.topN * factor)));
}

function webUrl(value: string | undefined): string | undefined {
  if (value === undefined || !URL.canParse(value)) return undefined;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:' ? value : undefined;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not leave half a surrogate pair at the end.
  return text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max);
}

function fits(value: string | undefined, max: number): string | undefined {
  return value !== undefined && value.length >= 1 && value.length <= max ? value : undefined;
}

function isoDate(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

/**
 * A package as a `Candidate`: the page to scrape is `pageUrl`, else the homepage, else the repository (http(s)
 * URLs only). Facts that do not fit the contract are cut (summary at 2,000 characters, at most 64 keywords)
 * or left out (an over-long license, a malformed date). Returns `undefined` when the package has no usable URL.
 */
export function toCandidate(pkg: PackageRecord, score: number, pageUrl?: string): Candidate | undefined {
  const homepage = webUrl(pkg.homepage);
  const url = webUrl(pageUrl) ?? homepage ?? webUrl(pkg.repository);
  if (url === undefined) return undefined;
  const name = cut(pkg.name.trim(), 214);
  const candidate = {
    id: fits(pkg.id, 214) ?? packageIdFromName(name),
    name,
    summary: cut(pkg.summary, 2_000),
    url,
    homepage,
    repository: fits(pkg.repository, 500),
    keywords: [...new Set(pkg.keywords.filter((k) => k.length <= 100))].slice(0, 64),
    monthlyDownloads: Number.isFinite(pkg.monthlyDownloads)
      ? Math.max(0, Math.round(pkg.monthlyDownloads))
      : 0,
    license: fits(pkg.license, 100),
    version: fits(pkg.version, 64),
    lastPublished: isoDate(pkg.lastPublished),
    searchScore: Number.isFinite(score) ? Math.max(0, score) : 0,
  };
  // Absent facts are left out rather than carried as `undefined` keys.
  const parsed = Candidate.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)),
  );
  return parsed.success ? parsed.data : undefined;
}

/**
 * The candidates to scrape: walks the hits in the order given (best first), turns each into a `Candidate`
 * ({@link toCandidate} with the hit's page URL), skips hits without a usable URL and repeated ids, and stops
 * at {@link candidateCount}.
 */
export function selectCandidates(hits: readonly ScoredPackage[], selection: CandidateSelection): Candidate[] {
  const count = candidateCount(selection);
  const selected: Candidate[] = [];
  const ids = new Set<string>();
  for (const hit of hits) {
    if (selected.length >= count) break;
    const candidate = toCandidate(hit.pkg, hit.score, hit.pageUrl);
    if (candidate === undefined || ids.has(candidate.id)) continue;
    ids.add(candidate.id);
    selected.push(candidate);
  }
  return selected;
}
