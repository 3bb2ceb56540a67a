/**
 * The capability vocabulary of the shipped corpus (the `features` tags of `libs/corpus/data/packages.json`) and
 * the user's words for each capability. A goal rarely says "evals" or "browser-automation"; it says "testing
 * LLM answers" or "drive a headless browser". Each phrase below, found in a text (a goal, or a package's own
 * description, keywords or tags: both sides are analyzed alike), adds the tag's words to that text, so the
 * user's words meet the package's capability tags. The original words stay: they may match too.
 *
 * Keep the table small and general: a phrase belongs here when it names the capability in ordinary words,
 * never to lift one package for one goal.
 */

/** One capability tag and the phrases (matched on lower-cased text) that mean it. */
export interface CapabilitySynonym {
  /** The corpus tag, as it occurs in `features` (kebab-case). */
  readonly tag: string;
  /** Patterns on lower-cased text; a match adds the tag's words (`browser-automation` -> `browser automation`). */
  readonly phrases: readonly RegExp[];
}

const SEP = String.raw`[\s_-]*`;
const phrase = (...words: string[]): RegExp => new RegExp(String.raw`\b${words.join(SEP)}\b`);

/** The synonym table: capability tag -> the phrases that mean it. */
export const CAPABILITY_SYNONYMS: readonly CapabilitySynonym[] = [
  {
    tag: 'memory',
    phrases: [
      phrase('long', 'term', '(?:memory|memories|recall|context)'),
      phrase('persistent', '(?:memory|memories|context|recall)'),
      phrase('remember(?:s|ing)?'),
      phrase('recall'),
      phrase('conversation', 'history'),
    ],
  },
  {
    tag: 'evals',
    phrases: [
      phrase('evals?'),
      phrase('evaluat(?:e|es|ed|ing|ion|ions|or|ors)'),
      phrase(
        '(?:test|testing|grade|grading|score|scoring|judge|judging)',
        '(?:llm|ai|model|prompt)?',
        '(?:answers|outputs|responses|completions)',
      ),
      phrase('llm', 'as', 'a', 'judge'),
      phrase('(?:llm|ai|prompt)', '(?:testing|tests)'),
      phrase('benchmark(?:s|ing)?'),
      phrase(
        '(?:llm|ai|model|my|the)',
        '(?:answers|outputs|responses)',
        '(?:are|is)',
        '(?:right|correct|accurate|good)',
      ),
      phrase('(?:answer|output|response)', '(?:quality|accuracy|correctness)'),
    ],
  },
  {
    tag: 'rag',
    phrases: [
      phrase('retrieval', 'augmented'),
      phrase(
        '(?:chat|talk|question|questions)',
        'with',
        '(?:your|my|our)?',
        '(?:docs|documents|pdfs|data|files)',
      ),
      phrase('document', '(?:retrieval|qa|question)'),
      phrase('knowledge', 'base'),
      phrase('(?:chunk|chunks|chunking|chunker)'),
      phrase('(?:split|splitting|cut|cutting)', '(?:long)?', '(?:documents?|texts?|pdfs?)'),
      phrase('(?:text|document)', 'splitters?'),
    ],
  },
  {
    tag: 'vector-store',
    phrases: [
      phrase('vector', 'database'),
      phrase('similarity', 'search'),
      phrase('nearest', 'neighbou?r'),
      phrase('semantic', 'search'),
    ],
  },
  {
    tag: 'embeddings',
    phrases: [phrase('(?:text|sentence|semantic)', 'vectors?'), phrase('embed(?:ding|dings)?')],
  },
  {
    tag: 'browser-automation',
    phrases: [
      phrase('headless', '(?:browser|browsers|chrome|chromium)'),
      phrase('(?:web|website)', '(?:automation|scraping|scraper|crawling|crawler)'),
      phrase(
        '(?:automate|automating|drive|driving|control|controlling)',
        '(?:a|the)?',
        '(?:web)?',
        'browsers?',
      ),
      phrase('(?:browse|browsing|surf)', 'the', 'web'),
      // What a person does in a browser, said of a program: click through pages, fill in forms, navigate sites.
      phrase(
        '(?:click|clicks|clicking)',
        '(?:through|on|around)?',
        '(?:the|a)?',
        '(?:web)?',
        '(?:pages?|sites?|websites?|buttons?|links?)',
      ),
      phrase('(?:fill|fills|filling)', '(?:in|out)?', '(?:web)?', 'forms?'),
      phrase('(?:navigate|navigates|navigating)', '(?:the|a)?', '(?:web|websites?|sites?|pages?)'),
      phrase('scrap(?:e|es|ing)', '(?:web|websites?|pages?|sites?)'),
    ],
  },
  {
    tag: 'observability',
    phrases: [
      phrase('(?:monitor|monitoring|trace|tracing|telemetry|opentelemetry|otel)'),
      phrase(
        '(?:debug|debugging|inspect|inspecting)',
        '(?:llm|ai|agent|agents|prompts?)',
        '(?:calls|runs|traces)?',
      ),
      phrase('(?:cost|token|usage)', '(?:tracking|monitoring|analytics)'),
      phrase('latency'),
      phrase('how', 'long', String.raw`(?:\w+\s+){0,4}(?:took|takes|take|taking)`),
      phrase('(?:what|how', 'much)', '(?:it|each|they|calls?)?', 'costs?'),
    ],
  },
  {
    tag: 'structured-output',
    phrases: [
      phrase('(?:json|typed|schema|structured)', '(?:output|outputs|responses?|results?|data)'),
      phrase('(?:json|zod)', 'schemas?'),
      phrase('(?:extract|extracting|extraction)', '(?:structured|typed)?', '(?:data|fields|objects)'),
      phrase('parse', '(?:llm|model)', '(?:output|outputs|responses?)'),
    ],
  },
  {
    tag: 'mcp',
    phrases: [phrase('mcp'), phrase('model', 'context', 'protocol'), phrase('context', 'protocol')],
  },
  {
    tag: 'tool-calling',
    phrases: [
      phrase('(?:function|tool)', '(?:calling|calls|call|use)'),
      phrase('call', '(?:functions|tools|apis)'),
    ],
  },
  {
    tag: 'multi-agent',
    phrases: [
      phrase('(?:multiple|many|several|teams?|crews?|swarms?|groups?)', 'of', 'agents'),
      phrase('agent', '(?:teams?|crews?|swarms?|orchestration|handoffs?|collaboration)'),
      phrase('multi', 'agents?'),
    ],
  },
  {
    tag: 'workflows',
    phrases: [
      phrase('(?:workflows?|orchestration|orchestrate|orchestrating|pipelines?)'),
      phrase('durable', '(?:execution|functions)'),
      phrase('(?:agent|state)', 'graphs?'),
    ],
  },
  {
    tag: 'prompt-management',
    phrases: [
      phrase('prompts?', '(?:templates?|templating|versioning|versions|registry|library|management)'),
    ],
  },
  {
    tag: 'local-models',
    phrases: [
      phrase('(?:local|offline|on', 'device|self', 'hosted)', '(?:llms?|models?|inference|ai)'),
      phrase('run(?:ning)?', '(?:llms?|models?)', '(?:locally|offline|on', 'device)'),
      phrase('(?:llms?|models?)', 'locally'),
    ],
  },
  {
    tag: 'guardrails',
    phrases: [
      phrase('guard', 'rails?'),
      phrase('(?:content|output)', '(?:moderation|filtering|safety)'),
      phrase('(?:prompt|jailbreak)', 'injection'),
      phrase('(?:pii|secrets?)', '(?:redaction|detection|filtering)'),
      phrase('(?:sandbox|sandboxed|sandboxing)'),
      phrase('(?:in|with)', 'isolation'),
      phrase('isolated', '(?:execution|environments?|sandbox|vms?|containers?)'),
    ],
  },
  {
    tag: 'voice',
    phrases: [
      phrase('(?:speech|audio|voice|tts|stt)'),
      phrase('text', 'to', 'speech'),
      phrase('speech', 'to', 'text'),
    ],
  },
  {
    tag: 'code-generation',
    phrases: [
      phrase('(?:coding|code)', '(?:agents?|assistants?|generation|completion)'),
      phrase('(?:write|writes|writing|generate|generates|generating)', 'code'),
      phrase(
        '(?:execute|executes|executing|run|runs|running)',
        '(?:ai)?',
        '(?:generated|untrusted)',
        '(?:code|programs?|scripts?)',
      ),
      phrase('code', '(?:execution|interpreter)'),
    ],
  },
  {
    tag: 'multimodal',
    phrases: [phrase('multi', 'modal'), phrase('(?:images?|vision|video)', 'and', 'text')],
  },
  {
    tag: 'streaming',
    phrases: [
      phrase('stream(?:s|ing)?', '(?:tokens|responses?|output|text)'),
      phrase('server', 'sent', 'events'),
    ],
  },
];

/** The words a tag adds to a text: `browser-automation` -> `browser automation`. */
export function tagWords(tag: string): string {
  return tag.replace(/-/g, ' ');
}

/** The tag's own words as a phrase: `structured-output` matches "structured output" and "structured-output". */
function ownWords(tag: string): RegExp {
  return phrase(...tag.split('-'));
}

/** The capability tags a lower-cased text names, by their own words or a synonym phrase, in table order. */
export function capabilitiesIn(lowerText: string): string[] {
  return CAPABILITY_SYNONYMS.filter(
    ({ tag, phrases }) => ownWords(tag).test(lowerText) || phrases.some((pattern) => pattern.test(lowerText)),
  ).map(({ tag }) => tag);
}

/**
 * Appends to a lower-cased text the words of every capability tag it names in other words
 * ("drive a headless browser" -> "drive a headless browser browser automation"), once per tag and only when the
 * tag's own words are not already there, so a package's tags are not counted twice.
 */
export function addCapabilityWords(lowerText: string): string {
  const added = capabilitiesIn(lowerText)
    .map(tagWords)
    .filter((words) => !new RegExp(String.raw`\b${words}\b`).test(lowerText));
  return added.length === 0 ? lowerText : `${lowerText} ${added.join(' ')}`;
}

/** A capability tag a text names, and the words of the text that named it. */
export interface CapabilityMatch {
  readonly tag: string;
  /** The matched phrases as they occur in the text (the tag's own words, or a synonym phrase). */
  readonly phrases: readonly string[];
}

/**
 * The capability tags a lower-cased text names, each with the phrases of the text that named it, in table order:
 * "see what each call cost" -> `[{ tag: 'observability', phrases: ['what each call cost'] }]`. Pure.
 */
export function capabilityMatches(lowerText: string): CapabilityMatch[] {
  const matches: CapabilityMatch[] = [];
  for (const { tag, phrases } of CAPABILITY_SYNONYMS) {
    const found = [ownWords(tag), ...phrases]
      .map((pattern) => pattern.exec(lowerText)?.[0])
      .filter((text): text is string => text !== undefined && text.trim() !== '');
    if (found.length > 0) matches.push({ tag, phrases: [...new Set(found)] });
  }
  return matches;
}
