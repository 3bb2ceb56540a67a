import MiniSearch from 'minisearch';
import type { PackageRecord } from './package-record.js';
import { normalizeTerm, tokenize } from './term-analysis.js';

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

/**
 * Field boosts, tuned on the shipped corpus. A term in the name is the strongest evidence of what a package is;
 * the summary is the author's own sentence about it; keywords are often long, family-wide lists (so they count
 * less than the summary), and the capability tags are derived from name, summary and keywords (so they only
 * confirm).
 */
const FIELD_BOOSTS = { name: 3, keywords: 1.5, features: 1, summary: 2 } as const;

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
}

function toDocument(pkg: PackageRecord): IndexedDocument {
  return {
    id: pkg.id,
    // `@langchain/langgraph` tokenizes to `langchain langgraph`; scope and name both count.
    name: pkg.name,
    keywords: pkg.keywords.join(' '),
    // Tags read as words: `multi-agent` -> `multi agent`, `vector-store` -> `vector database`.
    features: pkg.features.map((feature) => feature.replace(/-/g, ' ')).join(' '),
    summary: pkg.summary,
  };
}

function byScoreThenPopularity(a: IndexHit, b: IndexHit): number {
  return (
    b.score - a.score ||
    b.pkg.monthlyDownloads - a.pkg.monthlyDownloads ||
    (a.pkg.id < b.pkg.id ? -1 : a.pkg.id > b.pkg.id ? 1 : 0)
  );
}

/** Applies {@link REPEATED_SUMMARY_FACTOR} to hits sorted best first; returns them sorted again. */
function demoteRepeatedSummaries<T extends PackageRecord>(sorted: IndexHit<T>[]): IndexHit<T>[] {
  const seen = new Set<string>();
  const demoted = sorted.map((hit) => {
    const summary = hit.pkg.summary.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!seen.has(summary)) {
      seen.add(summary);
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
    fields: ['name', 'keywords', 'features', 'summary'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => [...normalizeTerm(term)],
    searchOptions: {
      boost: { ...FIELD_BOOSTS },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
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

  return {
    size: byId.size,
    search: (terms, limit) => {
      if (limit <= 0 || terms.trim() === '') return [];
      const hits: IndexHit<T>[] = [];
      for (const result of index.search(terms)) {
        const pkg = byId.get(String(result.id));
        if (pkg !== undefined) hits.push({ pkg, score: result.score });
      }
      return demoteRepeatedSummaries(hits.sort(byScoreThenPopularity)).slice(0, limit);
    },
  };
}
