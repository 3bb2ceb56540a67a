import { capabilitiesIn, capabilityMatches, tagWords } from './capability-synonyms.js';
import { licenseConstraintIn, type LicenseConstraint } from './license-constraint.js';
import { analyzeWords, canonicalizePhrases, isStopWord } from './term-analysis.js';

/** What a goal's text asks the search (and the ranker) for. */
export interface GoalQuery {
  /** Lower-case search terms, space-separated; empty when the text names no topic at all. */
  readonly terms: string;
  /** The count the text asks for ("top 5", "3 best", "list ten"), clamped to 1..`maxCount`. */
  readonly requestedTopN?: number;
  /**
   * The corpus capability tags the text names, in its own words or the tag's ("long-term recall" -> `memory`);
   * absent when it names none. Their words are part of `terms`.
   */
  readonly capabilities?: readonly string[];
  /** The licence the text asks for ("MIT-licensed", "permissively licensed"); its words are not in `terms`. */
  readonly license?: LicenseConstraint;
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, i) => [word, i + 1] as const),
  ['dozen', 12],
]);

const COUNT = `(\\d{1,3}|${[...NUMBER_WORDS.keys()].join('|')})`;

/** Where a goal states how many results it wants, in the order tried (on its words joined by single spaces). */
const COUNT_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:top|best|first|leading)\\s+${COUNT}\\b`),
  new RegExp(`\\b${COUNT}\\s+(?:best|top|most|leading|popular|great|good|recommended)\\b`),
  new RegExp(
    `\\b(?:list|show|find|give|compare|recommend|suggest|name|pick|rank)\\s+(?:me\\s+|us\\s+)?(?:the\\s+)?${COUNT}\\b`,
  ),
];

/**
 * Generic words, dropped from a goal before searching: verbs of asking and ranking ("find", "compare", "best"),
 * nouns so generic that every package in an npm corpus matches them ("package", "library", "tools",
 * "frameworks", "solution", "app"), the ecosystem every corpus package shares ("javascript", "node", "npm"),
 * filler ("using", "official", "simple", "production ready") and the connective words of a request written as a
 * sentence ("let", "see", "each", "before", "through"). Domain words ("agent", "ai", "rag", "vector",
 * "mcp", "sdk", "server", "client", "typescript") are not here: they tell packages apart.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'find finding search searching look looking show list give get tell need needs want wants please help ' +
    'recommend recommended recommendation recommendations suggest suggestion suggestions compare comparing ' +
    'comparison versus vs rank ranking ranked review reviews pick name top best better good great popular most ' +
    'leading first some few several any all which what whats available there options option alternatives ' +
    'alternative solutions solution choices choice package packages library libraries lib libs module modules ' +
    'npm tool tools tooling thing things framework frameworks toolkit toolkits using use uses used based ' +
    'build building built create creating make making official simple easy lightweight powerful modern fast ' +
    'production ready grade robust app apps application applications project projects developer developers dev ' +
    'javascript js node nodejs ecosystem way ways something stuff like similar kind kinds ' +
    // Conversational filler of goals written as requests ("let my bot ...", "see how long each call took").
    'let lets see seeing each every took take takes taken whether before after across through also just ' +
    'really actually able allow allows enable enables calling under'
  ).split(' '),
);

/**
 * Words of {@link GENERIC_WORDS} that stay when the next word makes them a domain phrase ("tool calling"; "calling"
 * alone, as in "SDKs for calling Claude", means using).
 */
const TOOL_PHRASE_TAILS: ReadonlySet<string> = new Set(['calling', 'call', 'calls', 'use', 'execution']);
const PHRASE_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tool', TOOL_PHRASE_TAILS],
  ['tools', TOOL_PHRASE_TAILS],
]);

/**
 * Where a goal's context begins: a clause saying what happens before or after the thing asked for ("cut documents
 * into pieces *before embedding them*"). A capability named only there is the goal's setting, not its ask.
 */
const CONTEXT_CLAUSE = /\b(?:before|after|prior to|ahead of)\b/;

/**
 * The capabilities a goal asks for, and the words of those it names only in a context clause
 * ({@link CONTEXT_CLAUSE}): "cut long documents into pieces before embedding them" asks for `chunking`;
 * `embeddings` is where the pieces go next, so its words ("embedding") are neither a capability nor a search
 * term. When the text before the clause names no capability, the whole text counts.
 */
function askedCapabilities(text: string): { capabilities: string[]; contextWords: Set<string> } {
  const all = capabilitiesIn(canonicalizePhrases(text));
  const clause = CONTEXT_CLAUSE.exec(text);
  if (clause === null) return { capabilities: all, contextWords: new Set() };
  const main = capabilitiesIn(canonicalizePhrases(text.slice(0, clause.index)));
  if (main.length === 0) return { capabilities: all, contextWords: new Set() };
  const contextWords = new Set(
    capabilityMatches(canonicalizePhrases(text.slice(clause.index)))
      .filter((match) => !main.includes(match.tag))
      .flatMap((match) => match.phrases.flatMap((phrase) => phrase.split(/[^\p{L}\p{N}]+/u)))
      .filter((word) => word !== ''),
  );
  return { capabilities: main, contextWords };
}

function requestedCount(text: string, maxCount: number): number | undefined {
  for (const pattern of COUNT_PATTERNS) {
    const word = pattern.exec(text)?.[1];
    if (word === undefined) continue;
    const count = NUMBER_WORDS.get(word) ?? Number.parseInt(word, 10);
    if (count >= 1) return Math.min(count, maxCount);
  }
  return undefined;
}

function isTopicWord(word: string, next: string | undefined): boolean {
  if (/^\d+$/.test(word) || NUMBER_WORDS.has(word) || isStopWord(word)) return false;
  if (!GENERIC_WORDS.has(word)) return true;
  return next !== undefined && (PHRASE_HEADS.get(word)?.has(next) ?? false);
}

/**
 * Reads a goal's free text: the requested count ("top 5"), the capability tags it names (`capability-synonyms.ts`)
 * and the search terms left after dropping {@link GENERIC_WORDS}, stop words, numbers and punctuation, followed
 * by the words of those tags that the terms do not already hold. "find top 5 agentic AI tools" gives
 * `{ terms: 'agentic ai', requestedTopN: 5 }`; "give my chatbot long-term recall" gives
 * `{ terms: 'chatbot long term recall memory', capabilities: ['memory'] }`. When nothing but generic words
 * remains ("find the best tools"), those words are kept as the terms rather than searching for nothing. A licence
 * the text asks for ("MIT-licensed") is a constraint (`license`), its words left out of the terms. A capability
 * named only in a clause about what comes before or after the ask ("... before embedding them") is context: it is
 * not among the capabilities and its words are not terms.
 * A requested count above `maxCount` (default: no bound) is clamped to it. Pure.
 */
export function parseGoalQuery(text: string, maxCount = Number.MAX_SAFE_INTEGER): GoalQuery {
  const lower = text.normalize('NFKC').toLowerCase();
  const license = licenseConstraintIn(lower);
  const licenseWords = new Set(license?.words ?? []);
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '' && !licenseWords.has(word));
  const { capabilities, contextWords } = askedCapabilities(words.join(' '));
  const topical = words.filter((word, i) => isTopicWord(word, words[i + 1]) && !contextWords.has(word));
  const fallback = words.filter(
    (word) => !/^\d+$/.test(word) && !NUMBER_WORDS.has(word) && !isStopWord(word),
  );
  const kept = [...new Set(topical.length > 0 ? topical : fallback)];
  const keptTerms = new Set(analyzeWords(kept.join(' ')));
  const tagTerms = capabilities
    .filter((tag) => !analyzeWords(tagWords(tag)).every((term) => keptTerms.has(term)))
    .flatMap((tag) => tagWords(tag).split(' '))
    .filter((word) => !kept.includes(word));
  const terms = [...new Set([...kept, ...tagTerms])].join(' ');
  const requestedTopN = requestedCount(words.join(' '), maxCount);
  return {
    terms,
    ...(requestedTopN === undefined ? {} : { requestedTopN }),
    ...(capabilities.length === 0 ? {} : { capabilities }),
    ...(license === undefined ? {} : { license }),
  };
}
