import type { ScriptedChatRequest, ScriptedReply, ScriptedResponder } from '@swarm/testing';

/**
 * Scripted replies for the four model-backed brains, for the chaos scenarios that give the agents a model: a
 * script, not a model (it only echoes back what the swarm gave it). Most replies are valid by the brain's rules;
 * a fixed share is output the brain refuses (a correction follows, then the builtin brain under
 * `SWARM_MODEL_FALLBACK=builtin`) and a fixed share a 400 the provider refuses the call with (builtin too).
 * Either way the call was made and spends budget.
 */
export type BrainName = 'search' | 'scraper' | 'ranker' | 'communications';

/** The prompt version each brain names in its system message. */
const MARKERS: Readonly<Record<BrainName, string>> = {
  search: 'search.plan@',
  scraper: 'scraper.facts@',
  ranker: 'ranker.grade-relevance@',
  communications: 'communications.',
};

/** Where every prompt's user message puts its input (`withInput` in libs/models: the prompts' wire format). */
const INPUT_MARK = '\n\nInput (JSON):\n';

/** What a share of the requests gets, by their position in the server's log (out of 10). */
const REFUSED_OUTPUT_SLOTS = new Set([6, 7, 8]);
const PROVIDER_ERROR_SLOT = 9;

/** Which brain sent a request, from the prompt version in its system message; undefined when none matches. */
export function brainOf(request: ScriptedChatRequest): BrainName | undefined {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  return (Object.keys(MARKERS) as BrainName[]).find((name) => system.includes(MARKERS[name]));
}

function inputOf<T>(request: ScriptedChatRequest): T | undefined {
  const user = request.messages.find((m) => m.role === 'user' && m.content.includes(INPUT_MARK));
  if (!user) return undefined;
  try {
    return JSON.parse(user.content.slice(user.content.indexOf(INPUT_MARK) + INPUT_MARK.length)) as T;
  } catch {
    return undefined;
  }
}

const STOP_WORDS = new Set(['find', 'top', 'the', 'for', 'best', 'tools']);

function searchReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ goal?: string; topN?: number; sources?: { tool: string }[] }>(request);
  const words = (input?.goal ?? '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word));
  if (!request.messages.some((m) => m.role === 'tool')) {
    const tool = input?.sources?.[0]?.tool ?? 'search_corpus';
    return { kind: 'tool-calls', calls: [{ name: tool, args: { terms: words.join(' ') } }] };
  }
  const plan = { topic: words.join(' '), count: input?.topN ?? 1, must: [], exclude: [] };
  return { kind: 'json', value: { ...plan, should: words, capabilityTags: [] } };
}

function scraperReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ text?: string }>(request);
  const quote = (input?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  const claims = quote ? [{ claim: 'the page describes the package', quote }] : [];
  return { kind: 'json', value: { features: ['documented api'], integrations: [], claims } };
}

function rankerReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ candidates?: { id: string }[] }>(request);
  const grades = (input?.candidates ?? []).map((candidate) => ({
    candidateId: candidate.id,
    grade: 3,
    rationale: 'Its name and summary match what the goal asks for.',
    cites: ['F1'],
  }));
  return { kind: 'json', value: { grades } };
}

function communicationsReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ tools?: { candidateId: string; sources: string[] }[] }>(request);
  const tools = input?.tools ?? [];
  const first = tools[0]?.sources[0] ?? 'S1';
  return {
    kind: 'json',
    value: {
      summary: `The ranked tools fit the goal, the strongest first [${first}].`,
      tools: tools.map((tool) => ({
        candidateId: tool.candidateId,
        paragraph: `This tool fits the goal as its sources describe it [${tool.sources[0] ?? first}].`,
      })),
    },
  };
}

const VALID: Readonly<Record<BrainName, (request: ScriptedChatRequest) => ScriptedReply>> = {
  search: searchReply,
  scraper: scraperReply,
  ranker: rankerReply,
  communications: communicationsReply,
};

/**
 * The chaos responder: request `index` gets a valid reply for its brain when `index % 10` is 0-5, output that
 * no brain's schema accepts when 6-8, and a 400 when 9 (or when no brain's prompt version is in the request).
 * Usage is left to the server's estimate (characters / 4), which never exceeds the agents' own estimate.
 */
export const chaosBrainResponder: ScriptedResponder = (request, index) => {
  const brain = brainOf(request);
  const slot = index % 10;
  if (brain === undefined || slot === PROVIDER_ERROR_SLOT)
    return { kind: 'error', status: 400, message: 'scripted refusal of this request' };
  if (REFUSED_OUTPUT_SLOTS.has(slot)) return { kind: 'json', value: { scripted: 'not what was asked' } };
  return VALID[brain](request);
};
