import { stemmer } from 'stemmer';
import { addCapabilityWords } from './capability-synonyms.js';

/**
 * Text analysis shared by the index and the query, so both sides reduce a text to the same terms: multi-word
 * domain phrases become one canonical term, capability phrases add their corpus tag (`capability-synonyms.ts`),
 * camel-case and compound words are split into their parts, text splits on anything but letters and digits,
 * stop words and bare numbers go, domain synonyms meet in one form, and the Porter stemmer (the `stemmer`
 * package) folds inflections (`agents`, `agentic` -> `agent`; `evaluation`, `evaluate` -> `evalu`).
 */

/** Phrases rewritten before tokenizing (both sides), so "Model Context Protocol" matches "mcp". */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\blarge[\s-]+language[\s-]+models?\b/g, ' llm '],
  [/\bmodel[\s_-]*context[\s_-]*protocol\b/g, ' mcp '],
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

/**
 * Words that mean the same thing here, mapped to their canonical words (looked up on the lower-cased word and
 * on its stem; the canonical words are stemmed like any other word).
 */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['agentic', ['agent']],
  // A model's name and its maker's name mean the same packages (`@anthropic-ai/sdk` for "claude").
  ['claude', ['claude', 'anthropic']],
  ['chatgpt', ['chatgpt', 'openai']],
  ['gemini', ['gemini', 'google']],
  ['db', ['database']],
  // A text splitter splits a text into chunks; a chunker chunks it; a text's pieces are its chunks.
  ['splitter', ['splitter', 'chunk']],
  ['chunker', ['chunk']],
  ['piec', ['chunk']],
  ['evals', ['eval']],
  ['eval', ['eval']],
  ['evalu', ['eval']],
  ['llms', ['llm']],
  ['multiagent', ['multi', 'agent']],
  ['vectordb', ['vector', 'database']],
  ['vectorstore', ['vector', 'database']],
]);

/**
 * Domain roots split off compound words at either end, so `voltagent` also indexes `agent`, `webmcp` `mcp`,
 * `litellm` `llm`, `langgraph` `graph` and `langchain` `chain`. Only these roots: shorter ones (`ai`, `rag`)
 * hide inside too many unrelated words.
 */
const COMPOUND_ROOTS = ['agent', 'mcp', 'llm', 'vector', 'graph', 'chain', 'eval', 'token'] as const;

/**
 * Heads kept as a word of their own when a {@link COMPOUND_ROOTS} root is split off the rest of the compound:
 * `langgraph` -> `lang graph`, `langchain` -> `lang chain`.
 */
const COMPOUND_HEADS: ReadonlySet<string> = new Set(['lang']);

function compoundParts(word: string): string[] {
  const parts: string[] = [];
  for (const root of COMPOUND_ROOTS) {
    if (word.length <= root.length + 1) continue;
    const rest = word.startsWith(root)
      ? word.slice(root.length)
      : word.endsWith(root)
        ? word.slice(0, -root.length)
        : undefined;
    if (rest === undefined) continue;
    parts.push(root);
    if (COMPOUND_HEADS.has(rest)) parts.push(rest);
  }
  return parts;
}

/** Porter stem of a lower-case word; short words (3 characters or fewer) are kept as they are. */
function stem(word: string): string {
  return word.length <= 3 ? word : stemmer(word);
}

/** Whether a lower-case word is an English function word that carries no topic. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

function rewritePhrases(lowerText: string): string {
  let out = lowerText;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Rewrites the domain phrases of a text into their canonical terms and appends the words of the capability tags
 * it names in other words; the result is lower-case.
 */
export function canonicalizePhrases(text: string): string {
  return rewritePhrases(addCapabilityWords(rewritePhrases(text.toLowerCase())));
}

/** `VoltAgent` -> `VoltAgent Volt Agent`: camel-case words keep their whole form and add their parts. */
function splitCamelCase(text: string): string {
  return text.replace(/\p{L}+(?:\p{Ll}\p{Lu}\p{L}*)+/gu, (word) =>
    word.includes('_') ? word : `${word} ${word.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')}`,
  );
}

/** Splits a text into raw lower-case tokens (letters and digits), after camel-case splitting and phrase canonicalization. */
export function tokenize(text: string): string[] {
  return canonicalizePhrases(splitCamelCase(text))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** The index terms of one token: none for a stop word, a bare number or a single character. */
export function normalizeTerm(token: string): readonly string[] {
  const lower = token.toLowerCase();
  if (lower.length < 2 || STOP_WORDS.has(lower) || /^\d+$/.test(lower)) return [];
  const stemmed = stem(lower);
  const synonyms = SYNONYMS.get(lower) ?? SYNONYMS.get(stemmed);
  if (synonyms !== undefined) return [...new Set(synonyms.map(stem))];
  return [...new Set([stemmed, ...compoundParts(lower).map(stem)])];
}

/**
 * The distinct terms of a text's own words (phrases folded, no capability words added), in first-seen order:
 * `analyzeWords('vector store')` is `['vector', 'databas']`.
 */
export function analyzeWords(text: string): string[] {
  const tokens = rewritePhrases(splitCamelCase(text).toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
  return [...new Set(tokens.flatMap((token) => normalizeTerm(token)))];
}

/** The distinct index terms of a text, in first-seen order. */
export function analyze(text: string): string[] {
  return [...new Set(tokenize(text).flatMap((token) => normalizeTerm(token)))];
}
