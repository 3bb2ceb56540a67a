/**
 * The searchable fields of a package and their weights, shared by the search index and the ranker so both read a
 * package the same way.
 */

/**
 * Field weights. The capability tags (`features`, the corpus's own vocabulary, which the query analyzer maps the
 * user's words onto) and the name (the strongest evidence of what a package is) weigh most; keywords (the
 * author's tags, often long family-wide lists) less; the description (free prose, where a word may be a
 * passing mention) less again; the link paths (homepage and repository, e.g. `modelcontextprotocol/typescript-sdk`)
 * least: they are what a package with neither description nor keywords is found by.
 */
export const FIELD_WEIGHTS = { features: 3, name: 3, keywords: 2, summary: 1.5, links: 1 } as const;

/** A searchable field of a package. */
export type PackageField = keyof typeof FIELD_WEIGHTS;

/** The facts of a package its fields are read from (a `CorpusPackage`, a search `Candidate` and the like). */
export interface PackageFacts {
  readonly name: string;
  readonly summary: string;
  readonly keywords: readonly string[];
  /** Capability tags or feature labels; absent or empty when the source does not know them. */
  readonly features?: readonly string[] | undefined;
  readonly homepage?: string | undefined;
  readonly repository?: string | undefined;
}

/** Host and path words that every link shares and that say nothing about a package. */
const LINK_NOISE =
  /^(?:https?|www|com|org|io|dev|ai|net|html?|github|gitlab|npmjs|package|tree|main|master|blob|docs?|readme|js)$/;

/**
 * The words of a package's homepage and repository links: `https://github.com/modelcontextprotocol/typescript-sdk`
 * -> `modelcontextprotocol typescript sdk`. Hosts of code forges and URL boilerplate are left out. Pure.
 */
export function linkWords(links: readonly (string | undefined)[]): string {
  const words = links
    .filter((link): link is string => link !== undefined)
    .flatMap((link) => link.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word !== '' && !LINK_NOISE.test(word));
  return [...new Set(words)].join(' ');
}

/**
 * The text of each field of a package: `name` (`@langchain/langgraph` reads as `langchain langgraph`),
 * `keywords`, `features` (tags read as words: `multi-agent` -> `multi agent`), `summary` and `links`
 * ({@link linkWords}). Pure.
 */
export function packageFields(pkg: PackageFacts): Record<PackageField, string> {
  return {
    name: pkg.name,
    keywords: pkg.keywords.join(' '),
    features: (pkg.features ?? []).map((feature) => feature.replace(/-/g, ' ')).join(' '),
    summary: pkg.summary,
    links: linkWords([pkg.homepage, pkg.repository]),
  };
}
