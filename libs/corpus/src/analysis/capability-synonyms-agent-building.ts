/**
 * The capability synonyms of the agent-building tags (protocols, tools, orchestration, prompts, models, safety,
 * speech, code, media, streaming): the second half of `CAPABILITY_SYNONYMS` (`capability-synonym-table.ts`, which
 * says what belongs in the table), kept apart so each file stays small.
 */
import { type CapabilitySynonym, phrase } from './synonym-phrase.js';

/** Synonyms of the agent-building capability tags, in table order. */
export const AGENT_BUILDING_SYNONYMS: readonly CapabilitySynonym[] = [
  {
    tag: 'mcp',
    phrases: [phrase('mcp'), phrase('model', 'context', 'protocol'), phrase('context', 'protocol')],
  },
  {
    tag: 'tool-calling',
    phrases: [
      phrase('(?:function|tool)', '(?:calling|calls|call|use)'),
      phrase(
        '(?:use|uses|using|call|calls|invoke|invokes|invoking)',
        '(?:my|your|our|the|external)?',
        '(?:functions|tools|apis)',
      ),
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
      /\b(?:manage|managing|version|versioning|organi[sz]e|organi[sz]ing|store|storing|reuse|reusing) (?:\w+ ){0,3}prompts\b/,
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
      phrase('moderat(?:e|es|ing|ion)'),
      phrase(
        '(?:leak|leaks|leaking|expose|exposing|protect|protecting|redact|redacting|mask|masking)',
        String.raw`(?:\w+)?`,
        '(?:personal|sensitive|private)',
        '(?:data|information|info)',
      ),
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
      phrase('(?:ai|llm)?', 'pair', 'programm(?:er|ers|ing)'),
      phrase('(?:ai|llm)', '(?:coding|programming)'),
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
    phrases: [
      phrase('multi', 'modal'),
      phrase('(?:images?|vision|video)', 'and', 'text'),
      phrase('(?:vision|image)', '(?:models?|llms?|understanding|inputs?|analysis|recognition)'),
      phrase(
        '(?:describe|describing|caption|captioning|analy[sz]e|analy[sz]ing|understand|understanding)',
        '(?:an|the|my)?',
        '(?:images?|photos?|pictures?|screenshots?)',
      ),
    ],
  },
  {
    tag: 'streaming',
    phrases: [
      phrase('stream(?:s|ing)?', '(?:tokens|responses?|output|text)'),
      phrase('server', 'sent', 'events'),
    ],
  },
];
