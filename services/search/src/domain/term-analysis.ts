/**
 * Text analysis shared by the index and the query, so both sides reduce a text to the same terms: multi-word
 * domain phrases become one canonical term, text splits on anything but letters and digits, stop words and
 * bare numbers go, domain synonyms meet in one form, and a light plural stemmer folds `agents` into `agent`.
 */

/** Phrases rewritten before tokenizing (both sides), so "Model Context Protocol" matches "mcp". */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\blarge[\s-]+language[\s-]+models?\b/g, ' llm '],
  [/\bmodel[\s-]+context[\s-]+protocol\b/g, ' mcp '],
  [/\bretrieval[\s-]+augmented[\s-]+generation\b/g, ' rag '],
  [/\bvector[\s-]+(?:stores?|dbs?|databases?|search[\s-]+engines?)\b/g, ' vector database '],
  [/\bfunction[\s-]+calling\b/g, ' tool calling '],
  [/\bgen[\s-]?ai\b/g, ' generative ai '],
];

/** English function words that carry no topic. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from has have how i if in into is it its me my no not ' +
    'of on or our over so such than that the their them then there these they this those to up us via was we ' +
    'what when where which while who why will with within without you your'
  ).split(' '),
);

/** Words that mean the same thing here, mapped to their canonical terms (looked up before and after stemming). */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['agentic', ['agent']],
  ['db', ['database']],
  ['embed', ['embedding']],
  ['llms', ['llm']],
  ['multiagent', ['multi', 'agent']],
  ['vectordb', ['vector', 'database']],
]);

/**
 * Domain roots split off compound words at either end, so `voltagent` also indexes `agent`, `webmcp` `mcp`,
 * `litellm` `llm` and `vectorstore` `vector`. Only these roots: shorter ones (`ai`, `rag`) hide inside too many
 * unrelated words.
 */
const COMPOUND_ROOTS = ['agent', 'mcp', 'llm', 'vector'] as const;

function compoundRoots(term: string): string[] {
  return COMPOUND_ROOTS.filter(
    (root) => term.length > root.length + 1 && (term.startsWith(root) || term.endsWith(root)),
  );
}

/** Folds regular English plurals: `libraries` -> `library`, `indexes` -> `index`, `agents` -> `agent`. */
function stem(term: string): string {
  if (term.length <= 3) return term;
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (/(?:sh|ch|x|ss)es$/.test(term)) return term.slice(0, -2);
  if (term.endsWith('s') && !term.endsWith('ss') && !term.endsWith('us')) return term.slice(0, -1);
  return term;
}

/** Whether a lower-case word is an English function word that carries no topic. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Rewrites the domain phrases of a lower-cased text into their canonical terms. */
export function canonicalizePhrases(text: string): string {
  let out = text.toLowerCase();
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/** Splits a text into raw lower-case tokens (letters and digits), after phrase canonicalization. */
export function tokenize(text: string): string[] {
  return canonicalizePhrases(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** The index terms of one token: none for a stop word, a bare number or a single character. */
export function normalizeTerm(token: string): readonly string[] {
  const lower = token.toLowerCase();
  if (lower.length < 2 || STOP_WORDS.has(lower) || /^\d+$/.test(lower)) return [];
  const stemmed = stem(lower);
  const synonyms = SYNONYMS.get(lower) ?? SYNONYMS.get(stemmed);
  if (synonyms !== undefined) return synonyms;
  const roots = compoundRoots(stemmed);
  return roots.length === 0 ? [stemmed] : [stemmed, ...roots];
}

/** The distinct index terms of a text, in first-seen order. */
export function analyze(text: string): string[] {
  return [...new Set(tokenize(text).flatMap((token) => normalizeTerm(token)))];
}
