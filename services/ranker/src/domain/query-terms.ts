/**
 * Query terms and how a text mentions them. A term matches a word of the text when the word starts with the
 * term's stem (so "queues" matches "queue" and "queueing", "client" matches "clients").
 */

/**
 * Words that carry no meaning for telling packages apart: function words, what every candidate is, and the
 * instructions of a goal ("find top 5 ...", "compare", "list").
 */
const STOPWORDS = new Set(
  (
    'a an and any are as at be best by can compare do does find for from get give good great has have how i in ' +
    'into is it its library libraries lib like list looking me most my need nice of on or our package packages ' +
    'please rank recommend search should show some something suggest that the their them this to tool tools ' +
    'top use using want we what which with without you'
  ).split(' '),
);

/** Most terms a query contributes; a longer query keeps its first ones. */
const MAX_TERMS = 32;

/** Lowercase words of a text (letters and digits; everything else separates). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The distinct, meaningful terms of a query, in order of first appearance. Pure. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of words(query)) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word) || terms.includes(word)) continue;
    terms.push(word);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** A term's stem: a plural ending dropped, so "queues" and "queue" meet at "queu". */
function stem(term: string): string {
  if (term.length > 4 && term.endsWith('es')) return term.slice(0, -2);
  if (term.length > 3 && term.endsWith('s') && !term.endsWith('ss')) return term.slice(0, -1);
  return term;
}

/** The words of one or more texts, indexed for term lookups. */
export class TextIndex {
  private readonly words: ReadonlySet<string>;

  constructor(texts: readonly string[]) {
    this.words = new Set(texts.flatMap(words));
  }

  /** True when a word of the text is the term or starts with its stem (stems under 3 letters match exactly). */
  mentions(term: string): boolean {
    if (this.words.has(term)) return true;
    const root = stem(term);
    if (root.length < 3) return this.words.has(root);
    for (const word of this.words) if (word.startsWith(root)) return true;
    return false;
  }

  /** The terms the text mentions, in the order given. */
  mentioned(terms: readonly string[]): string[] {
    return terms.filter((term) => this.mentions(term));
  }
}
