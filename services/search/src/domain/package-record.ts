/**
 * A package as the search agent handles it, whatever source found it: the facts a {@link Candidate} carries,
 * before a page URL and a score are attached. A `CorpusPackage` is one.
 */
export interface PackageRecord {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly keywords: readonly string[];
  readonly monthlyDownloads: number;
  readonly license?: string | undefined;
  readonly version?: string | undefined;
  /** `YYYY-MM-DD`. */
  readonly lastPublished?: string | undefined;
  readonly homepage?: string | undefined;
  readonly repository?: string | undefined;
  /** Capability tags (the corpus vocabulary); empty when a source does not know them. */
  readonly features: readonly string[];
}

/** A package with its relevance score and, when the source knows one, the documentation page to scrape. */
export interface ScoredPackage {
  readonly pkg: PackageRecord;
  /** Relevance, higher is better; its scale depends on who scored it. */
  readonly score: number;
  /** The page the scraper should fetch; when absent the homepage or repository is used. */
  readonly pageUrl?: string | undefined;
}

/**
 * The corpus id rule applied to any name: `@` removed, `/` turned into `__`, lower-cased; other characters
 * outside `[a-z0-9._-]` become `-`, and the result is cut at 214 characters.
 */
export function packageIdFromName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/\//g, '__')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 214);
  return slug === '' ? 'package' : slug;
}
