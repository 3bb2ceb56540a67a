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
/** A phrase of words, each separated by nothing, spaces, `_` or `-`, matched on word boundaries. */
export const phrase = (...words: string[]): RegExp => new RegExp(String.raw`\b${words.join(SEP)}\b`);

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
      phrase(
        '(?:quality|accuracy|correctness)',
        'of',
        '(?:the|my)?',
        '(?:llm|ai|model)?',
        '(?:outputs|answers|responses|completions)',
      ),
      phrase('(?:unit)?', 'tests?', 'for', '(?:my|the)?', '(?:prompts|llms?|agents?|chatbots?)'),
      phrase('red', 'team(?:s|ing)?'),
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
      // Answering from one's own documents: "answer questions over my company docs", "ground answers in our data".
      /\banswer(?:s|ing)? questions (?:over|about|from|on|using|against) (?:\w+ ){0,3}(?:docs|documents|data|files|pdfs|knowledge|content|wiki)\b/,
      /\bground(?:ed|ing)? (?:\w+ ){0,3}(?:in|on) (?:\w+ ){0,2}(?:data|documents|docs|sources|knowledge)\b/,
    ],
  },
  {
    // Splitting a text into pieces is a step of a RAG pipeline, not RAG itself: its own tag, so a goal asking
    // for a splitter is not answered by a framework and a goal asking for RAG is not answered by a splitter.
    tag: 'chunking',
    phrases: [
      phrase('(?:chunk|chunks|chunker|chunkers)'),
      phrase(
        '(?:split|splits|splitting|cut|cuts|cutting|break|breaks|breaking|divide|divides|dividing|segment|segmenting)',
        '(?:up)?',
        '(?:long|large|big)?',
        '(?:documents?|docs|texts?|pdfs?|files|pages?|articles?|markdown|transcripts?)',
      ),
      phrase('(?:text|document|markdown|code|recursive|semantic)', 'splitt(?:ers?|ing)'),
      phrase('textsplitt(?:ers?|ing)'),
      phrase('into', '(?:smaller)?', '(?:pieces|passages|segments)'),
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
      phrase('token', 'usage'),
      // "log every prompt and completion", "track the spend of my LLM calls", "record each request"
      phrase(
        '(?:track|tracking|log|logging|record|recording)',
        '(?:every|each|all|my|the)?',
        '(?:llm|ai|model|openai)?',
        '(?:prompts?|completions?|requests?|calls?|tokens?|usage|spend|costs?)',
      ),
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
      phrase('(?:valid|return|returns|returning|strict|reliable)', 'json'),
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
      phrase('call', '(?:my|your|our|the)?', '(?:functions|tools|apis)'),
    ],
  },
  {
    tag: 'multi-agent',
    phrases: [
      phrase('(?:multiple|many|several|teams?|crews?|swarms?|groups?)', 'of', 'agents'),
      phrase('agent', '(?:teams?|crews?|swarms?|orchestration|handoffs?|collaboration)'),
      phrase('multi', 'agents?'),
      phrase('agents', '(?:working|collaborating|cooperating|talking)', '(?:together|with each other)'),
      phrase('(?:coordinate|coordinating)', '(?:several|multiple|many|my)?', 'agents'),
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
      // "run Llama on my laptop", "inference on our own hardware"
      /\b(?:run|runs|running|inference|host|hosting) (?:\w+ ){0,3}on (?:my|your|our|a) (?:own )?(?:laptop|machine|computer|pc|mac|hardware|device|gpu)\b/,
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
      phrase(
        '(?:code|programs?|scripts?)',
        '(?:written|generated)',
        'by',
        '(?:an?|the)?',
        '(?:ai|llms?|models?|agents?)',
      ),
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
