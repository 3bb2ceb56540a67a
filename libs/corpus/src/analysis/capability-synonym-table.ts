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

import { type CapabilitySynonym, phrase } from './synonym-phrase.js';
import { AGENT_BUILDING_SYNONYMS } from './capability-synonyms-agent-building.js';

export { phrase } from './synonym-phrase.js';
export type { CapabilitySynonym } from './synonym-phrase.js';

/** The synonym table: capability tag -> the phrases that mean it (data, retrieval, web and quality tags first). */
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
      // "score my chatbot's responses", "grade the agent answers"
      /\b(?:test|testing|grade|grading|score|scoring|judge|judging) (?:\w+ ){0,2}(?:answers|outputs|responses|completions)\b/,
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
      // Reranking retrieved passages is a retrieval step: the corpus tags rerankers `rag`.
      phrase('re', 'rank(?:s|ed|er|ers|ing)?'),
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
      /\b(?:search|searching|query|querying|find|finding) (?:\w+ ){0,3}semantically\b/,
      phrase(
        '(?:store|storing|index|indexing|query|querying)',
        '(?:and',
        '(?:store|query|search|index))?',
        '(?:embeddings|vectors)',
      ),
    ],
  },
  {
    tag: 'embeddings',
    phrases: [
      phrase('(?:text|sentence|semantic)', 'vectors?'),
      phrase('embed(?:ding|dings)?'),
      /\b(?:turn|turns|turning|convert|converts|converting|encode|encodes|encoding) (?:\w+ ){0,3}into (?:\w+ )?vectors?\b/,
    ],
  },
  {
    tag: 'browser-automation',
    phrases: [
      phrase('headless', '(?:browser|browsers|chrome|chromium)'),
      phrase('(?:web|website)', 'automation'),
      phrase(
        '(?:automate|automating|drive|driving|control|controlling)',
        '(?:a|the)?',
        '(?:web)?',
        '(?:browsers?|chrome|chromium|firefox|safari)',
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
    ],
  },
  {
    // Getting the web's content for a program (scraping and crawling APIs, web search APIs): not driving a
    // browser, so a goal about clicking through pages does not rank a search API first, and the reverse.
    tag: 'web-scraping',
    phrases: [
      phrase(
        '(?:scrape|scrapes|scraping|scraper|scrapers|crawl|crawls|crawling|crawler|crawlers|spider|spiders)',
      ),
      phrase('(?:web|internet|online)', '(?:search|searches|searching|results)'),
      phrase('(?:search|searches|searching|query|querying)', 'the', '(?:web|internet)'),
      phrase('(?:search|serp)', 'engine', '(?:results?|api|apis)'),
      phrase(
        '(?:extract|extracting|fetch|fetching|get|getting|pull|pulling|read|reading|turn|turning|convert|converting)',
        '(?:the)?',
        '(?:content|text|data)?',
        '(?:of|from)?',
        '(?:any)?',
        '(?:web',
        'pages?|websites?|urls?|sites)',
      ),
      phrase('(?:live|real', 'time|up', 'to', 'date)', '(?:web)?', '(?:search|information|results)'),
    ],
  },
  {
    tag: 'observability',
    phrases: [
      phrase('(?:monitor|monitoring|trace|traces|tracing|telemetry|opentelemetry|otel)'),
      // "track how much I spend on OpenAI", "keep track of LLM costs per user"
      /\b(?:track|tracking|monitor|monitoring|measure|measuring|watch|watching) (?:\w+ ){0,3}(?:spend|spending|costs?|bills?|billing)\b/,
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
      phrase('(?:answer|answers|respond|responds|reply|replies|output|outputs)', 'in', '(?:valid)?', 'json'),
    ],
  },
  ...AGENT_BUILDING_SYNONYMS,
];
