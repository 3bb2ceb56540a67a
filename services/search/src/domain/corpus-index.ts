import MiniSearch from 'minisearch';
import type { PackageRecord } from './package-record.js';
import {
  analyze,
  canonicalizePhrases,
  capabilitiesIn,
  FIELD_WEIGHTS,
  normalizeTerm,
  packageFields,
  tokenize,
} from '@swarm/corpus';

/** One search hit: the package and its relevance score (BM25+ with the boosts below; higher is better). */
export interface IndexHit<T extends PackageRecord = PackageRecord> {
  readonly pkg: T;
  readonly score: number;
}

/** A full-text index over a package set. */
export interface CorpusIndex<T extends PackageRecord = PackageRecord> {
  /** How many packages are indexed. */
  readonly size: number;
  /**
   * The best `limit` packages for the search terms, best first; empty when no term matches anything.
   * Equal scores are ordered by monthly downloads (descending), then id, so results are deterministic.
   */
  search(terms: string, limit: number): IndexHit<T>[];
}

export { FIELD_WEIGHTS } from '@swarm/corpus';

/**
 * Weight of a package's popularity, as a multiplier `1 + POPULARITY_WEIGHT * log10(1 + monthlyDownloads) / 8`
 * on every matching term (about x1.04 at 2k downloads a month, x1.10 at 100M). It only separates packages whose
 * text matches about equally well; the ranker does the real adoption scoring.
 */
const POPULARITY_WEIGHT = 0.1;

/**
 * Score multiplier for a package whose summary repeats, word for word, the summary of a better-scoring hit
 * (sibling packages of one family, e.g. `@openai/agents`, `@openai/agents-core` and `@openai/agents-openai`): keeps one family from filling
 * every candidate slot without hiding the siblings.
 */
const REPEATED_SUMMARY_FACTOR = 0.5;

interface IndexedDocument {
  id: string;
  name: string;
  keywords: string;
  features: string;
  summary: string;
  links: string;
}

function toDocument(pkg: PackageRecord): IndexedDocument {
  return { id: pkg.id, ...packageFields(pkg) };
}

function byScoreThenPopularity(a: IndexHit, b: IndexHit): number {
  return (
    b.score - a.score ||
    b.pkg.monthlyDownloads - a.pkg.monthlyDownloads ||
    (a.pkg.id < b.pkg.id ? -1 : a.pkg.id > b.pkg.id ? 1 : 0)
  );
}

/**
 * Score multiplier for a package whose whole name is asked for: every word of its name (scope included, after
 * analysis, leaving out {@link GENERIC_NAME_WORDS}) is a query term, as `@modelcontextprotocol/sdk` for "mcp sdk"
 * or `ai` for "agentic ai". Package search treats an exact name match as strong evidence.
 */
export const NAME_MATCH_FACTOR = 1.5;

/** Name words that say nothing on their own (`@mastra/core`, `weaviate-client`, `@google/genai-js`). */
const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  'core',
  'js',
  'node',
  'lib',
  'api',
  'client',
  'sdk',
]);

/**
 * Score multiplier for a package tagged with every capability the query names (`rag` for "retrieval augmented
 * generation"): the tag is the corpus's own statement of what a package does, and a package with several tags
 * should not lose to a one-tag package only because its tag field is longer (BM25 length normalization).
 */
export const CAPABILITY_MATCH_FACTOR = 1.3;

/**
 * {@link CAPABILITY_MATCH_FACTOR} when the package is tagged with every capability the query names (and it names
 * one), else 1. Pure.
 */
export function capabilityFactor(queryCapabilities: readonly string[], features: readonly string[]): number {
  const tagged = queryCapabilities.length > 0 && queryCapabilities.every((tag) => features.includes(tag));
  return tagged ? CAPABILITY_MATCH_FACTOR : 1;
}

/** Stemmed query terms shorter than this are matched exactly or as a prefix, never with a typo. */
const MIN_FUZZY_TERM_LENGTH = 6;

/**
 * Words of a scope that name the organisation's kind rather than the package (`@anthropic-ai/sdk`,
 * `@browserbasehq/stagehand` keeps `browserbasehq`): dropped from the scope only, so the package `ai` keeps its name.
 */
const GENERIC_SCOPE_WORDS: ReadonlySet<string> = new Set([
  'ai',
  'hq',
  'lab',
  'inc',
  'io',
  'org',
  'team',
  'dev',
]);

function nameTerms(name: string): string[] {
  const scoped = /^@([^/]+)\/(.+)$/.exec(name);
  const own = analyze(scoped?.[2] ?? name).filter((term) => !GENERIC_NAME_WORDS.has(term));
  const scope = scoped?.[1] === undefined ? [] : analyze(scoped[1]);
  const scopeTerms = scope.filter((term) => !GENERIC_NAME_WORDS.has(term) && !GENERIC_SCOPE_WORDS.has(term));
  return [...new Set([...scopeTerms, ...own])];
}

/** A summary shorter than this is a repeat only word for word, never as the start of a longer one. */
const MIN_REPEATED_SUMMARY_LENGTH = 20;

/**
 * Applies {@link REPEATED_SUMMARY_FACTOR} to hits sorted best first: a summary that equals the summary of a better
 * hit, or starts with it (`@openai/agents-realtime` repeats `@openai/agents` and adds a sentence), is a repeat.
 * Returns the hits sorted again.
 */
function demoteRepeatedSummaries<T extends PackageRecord>(sorted: IndexHit<T>[]): IndexHit<T>[] {
  const seen: string[] = [];
  const demoted = sorted.map((hit) => {
    const summary = hit.pkg.summary.toLowerCase().replace(/\s+/g, ' ').trim();
    const repeated = seen.some(
      (earlier) =>
        summary === earlier || (earlier.length >= MIN_REPEATED_SUMMARY_LENGTH && summary.startsWith(earlier)),
    );
    if (!repeated) {
      seen.push(summary);
      return hit;
    }
    return { pkg: hit.pkg, score: hit.score * REPEATED_SUMMARY_FACTOR };
  });
  return demoted.sort(byScoreThenPopularity);
}

/**
 * Builds a BM25+ full-text index (MiniSearch) over name, keywords, features and summary of the packages.
 * Index and query share one analysis (`term-analysis.ts`): domain phrases fold into one term ("model context
 * protocol" -> `mcp`, "large language model" -> `llm`, "vector store/db" -> `vector database`), synonyms meet
 * (`agentic`/`agents` -> `agent`, `db` -> `database`), plurals are stemmed, stop words and numbers dropped.
 * Query terms of 4+ characters also match as prefixes (`vect` -> `vector`, `agent` -> `agentkit`) and terms of
 * 5+ characters tolerate one typo per 5 characters (at most 2); both count less than an exact match. A package
 * matching more of the query terms scores higher (MiniSearch multiplies by the number of matched terms).
 * A hit whose summary repeats a better hit's word for word counts half. Packages with a repeated id are indexed
 * once (the first one wins).
 */
export function createCorpusIndex<T extends PackageRecord>(packages: readonly T[]): CorpusIndex<T> {
  const byId = new Map<string, T>();
  for (const pkg of packages) if (!byId.has(pkg.id)) byId.set(pkg.id, pkg);

  const index = new MiniSearch<IndexedDocument>({
    fields: ['name', 'keywords', 'features', 'summary', 'links'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => [...normalizeTerm(term)],
    searchOptions: {
      boost: { ...FIELD_WEIGHTS },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= MIN_FUZZY_TERM_LENGTH ? 0.2 : false),
      maxFuzzy: 2,
      weights: { prefix: 0.4, fuzzy: 0.3 },
      combineWith: 'OR',
      boostDocument: (id) => {
        const downloads = byId.get(String(id))?.monthlyDownloads ?? 0;
        return 1 + (POPULARITY_WEIGHT * Math.log10(1 + Math.max(0, downloads))) / 8;
      },
    },
  });
  index.addAll([...byId.values()].map(toDocument));
  const namesById = new Map([...byId.values()].map((pkg) => [pkg.id, nameTerms(pkg.name)] as const));

  return {
    size: byId.size,
    search: (terms, limit) => {
      if (limit <= 0 || terms.trim() === '') return [];
      const hits: IndexHit<T>[] = [];
      const queryTerms = new Set(analyze(terms));
      const capabilities = capabilitiesIn(canonicalizePhrases(terms));
      for (const result of index.search(terms)) {
        const pkg = byId.get(String(result.id));
        if (pkg === undefined) continue;
        const named = namesById.get(pkg.id) ?? [];
        const asked = named.length > 0 && named.every((term) => queryTerms.has(term));
        const factor = (asked ? NAME_MATCH_FACTOR : 1) * capabilityFactor(capabilities, pkg.features);
        hits.push({ pkg, score: result.score * factor });
      }
      return demoteRepeatedSummaries(hits.sort(byScoreThenPopularity)).slice(0, limit);
    },
  };
}
