import type { RankedEntry, Ranking } from '@swarm/contracts';
import type { NarrativeSource } from '../domain/report-narrative.js';
import { formatCount, formatScore } from '../domain/index.js';

/**
 * How much the writing prompt shows: each fact cut to `factChars` characters, each component rationale to
 * `rationaleChars`, at most `features` features, `keywords` keywords and `claims` claims per tool.
 */
export const SOURCE_LIMITS = {
  factChars: 300,
  rationaleChars: 240,
  features: 20,
  keywords: 15,
  claims: 8,
} as const;

/** A score component's name. */
type ComponentKey = keyof RankedEntry['components'];

/** One score component as the prompt shows it: score and weight with two decimals, and why. */
export interface ComponentData {
  readonly score: string;
  readonly weight: string;
  readonly rationale: string;
}

/** One ranked tool as the prompt shows it, with the ids of its sources. */
export interface ToolData {
  readonly candidateId: string;
  readonly name: string;
  readonly rank: number;
  /** Two decimals, as the report prints it. */
  readonly score: string;
  readonly components: Readonly<Record<ComponentKey, ComponentData>>;
  /** As the report prints it: `1.6M`, `93.7K`. */
  readonly monthlyDownloads: string;
  readonly license: string;
  readonly scraped: boolean;
  /** The ranker's sentence on why the tool holds its rank. */
  readonly rationale: string;
  /** Its source ids, e.g. `["S1", "S2"]`. */
  readonly sources: readonly string[];
}

/** The writing prompt's input: the goal, the ranking's counts, the ranked tools and the numbered sources. */
export interface WriteReportInput {
  readonly goal: string;
  readonly ranking: { readonly considered: number; readonly ranked: number; readonly missing: number };
  readonly tools: readonly ToolData[];
  readonly sources: readonly NarrativeSource[];
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function registryFacts(entry: RankedEntry): string[] {
  const { candidate } = entry;
  return [
    candidate.summary.trim() === '' ? undefined : `registry summary: ${candidate.summary}`,
    candidate.version ? `version ${candidate.version}` : undefined,
    candidate.lastPublished ? `published ${candidate.lastPublished}` : undefined,
    `${formatCount(candidate.monthlyDownloads)} downloads a month`,
    `license ${candidate.license ?? 'none declared'}`,
    candidate.keywords.length > 0
      ? `keywords: ${candidate.keywords.slice(0, SOURCE_LIMITS.keywords).join(', ')}`
      : undefined,
  ].filter((fact): fact is string => fact !== undefined);
}

function pageFacts(entry: RankedEntry): string[] {
  const features = entry.features.slice(0, SOURCE_LIMITS.features);
  return [
    ...(features.length > 0 ? [`features on the page: ${features.join(', ')}`] : []),
    ...(entry.claims ?? [])
      .slice(0, SOURCE_LIMITS.claims)
      .map((claim) => `claim: ${claim.claim} (the page says: "${claim.quote}")`),
  ];
}

/**
 * A ranked tool's sources, one per distinct URL, in this order: its package page (registry facts: summary,
 * version, publication date, monthly downloads, license, keywords), the scraped page (features and claims;
 * merged into the package page's facts when it is the same URL), then its homepage and repository. Numbered
 * from `S<firstNumber>`. Pure.
 */
export function toolSources(entry: RankedEntry, firstNumber: number): NarrativeSource[] {
  const { candidate } = entry;
  const facts = new Map<string, string[]>();
  const add = (url: string, more: readonly string[]) => facts.set(url, [...(facts.get(url) ?? []), ...more]);
  add(candidate.url, registryFacts(entry));
  const [first, ...rest] = entry.sources;
  if (first !== undefined) add(first, entry.scraped ? pageFacts(entry) : []);
  for (const url of rest) {
    if (!facts.has(url))
      add(url, [`${url === candidate.homepage ? 'homepage' : 'source repository'} of ${candidate.name}`]);
  }
  return [...facts].map(([url, list], index) => ({
    id: `S${firstNumber + index}`,
    candidateId: candidate.id,
    url,
    facts: list.map((fact) => cut(fact, SOURCE_LIMITS.factChars)),
  }));
}

/**
 * The writing prompt's input for a ranking: every ranked tool in rank order with its numbers formatted as the
 * report prints them (scores with two decimals, downloads like `1.6M`), and the sources of all tools numbered
 * `S1`..`Sn` in that order. Pure.
 */
export function writeReportInput(ranking: Ranking, goalText: string): WriteReportInput {
  const sources: NarrativeSource[] = [];
  const tools = ranking.ranked.map((entry): ToolData => {
    const own = toolSources(entry, sources.length + 1);
    sources.push(...own);
    const component = (key: ComponentKey): ComponentData => ({
      score: formatScore(entry.components[key].score),
      weight: formatScore(entry.components[key].weight),
      rationale: cut(entry.components[key].rationale, SOURCE_LIMITS.rationaleChars),
    });
    return {
      candidateId: entry.candidate.id,
      name: entry.candidate.name,
      rank: entry.rank,
      score: formatScore(entry.score),
      components: {
        relevance: component('relevance'),
        adoption: component('adoption'),
        freshness: component('freshness'),
        coverage: component('coverage'),
        license: component('license'),
      },
      monthlyDownloads: formatCount(entry.candidate.monthlyDownloads),
      license: entry.candidate.license ?? 'none declared',
      scraped: entry.scraped,
      rationale: entry.rationale,
      sources: own.map((source) => source.id),
    };
  });
  return {
    goal: goalText,
    ranking: {
      considered: ranking.considered,
      ranked: ranking.ranked.length,
      missing: ranking.missing.length,
    },
    tools,
    sources,
  };
}
