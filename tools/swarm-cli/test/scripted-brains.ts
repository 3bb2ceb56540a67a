import { inputOfMessage, PROMPT_INPUT_MARK } from '@swarm/models';
import type { ScriptedChatRequest, ScriptedReply } from '@swarm/testing';

/**
 * Scripted replies for the four model-backed brains, built from the input each prompt renders (the JSON after
 * `Input (JSON):` in the first user message). They are valid by each brain's rules; a test bends one of them to
 * exercise a failure path. This is a script, not a model: it only echoes what the swarm gave it.
 */
export type BrainName = 'search' | 'scraper' | 'ranker' | 'communications';

const MARKERS: Record<BrainName, string> = {
  search: 'search.plan@',
  scraper: 'scraper.facts@',
  ranker: 'ranker.grade-relevance@',
  communications: 'communications.',
};

/** Which brain sent a request, from the prompt version in its system message. */
export function brainOf(request: ScriptedChatRequest): BrainName {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  const found = (Object.keys(MARKERS) as BrainName[]).find((name) => system.includes(MARKERS[name]));
  if (!found) throw new Error(`no brain's prompt version in the system message: ${system.slice(0, 120)}`);
  return found;
}

/** The prompt's input, parsed back out of the first user message. */
export function inputOf<T>(request: ScriptedChatRequest): T {
  const user = request.messages.find((m) => m.role === 'user' && m.content.includes(PROMPT_INPUT_MARK));
  if (!user) throw new Error('no "Input (JSON):" block in the request');
  return inputOfMessage<T>(user.content);
}

/** True when the request is a correction (the brain sent its errors back). */
export function isCorrection(request: ScriptedChatRequest): boolean {
  return request.messages.filter((m) => m.role === 'user').length > 1;
}

const usage = { input: 400, output: 60 };

function searchReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ goal: string; topN: number; sources: { tool: string }[] }>(request);
  const words = input.goal
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2 && !['find', 'top', 'the', 'for', 'best', 'tools'].includes(word));
  if (!request.messages.some((m) => m.role === 'tool')) {
    const tool = input.sources[0]?.tool ?? 'search_corpus';
    return { kind: 'tool-calls', calls: [{ name: tool, args: { terms: words.join(' ') } }], usage };
  }
  return {
    kind: 'json',
    value: {
      topic: words.join(' '),
      count: input.topN,
      must: [],
      should: words,
      capabilityTags: [],
      exclude: [],
    },
    usage,
  };
}

function scraperReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ title: string; text: string }>(request);
  const quote = input.text.replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  return {
    kind: 'json',
    value: {
      features: ['documented api'],
      integrations: [],
      claims: quote ? [{ claim: 'the page describes the package', quote }] : [],
    },
    usage,
  };
}

function rankerReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ candidates: { id: string; facts: Record<string, string> }[] }>(request);
  return {
    kind: 'json',
    value: {
      grades: input.candidates.map((candidate, index) => ({
        candidateId: candidate.id,
        grade: index % 4 === 3 ? 1 : 3,
        rationale: 'Its name and summary match what the goal asks for.',
        cites: ['F1'],
      })),
    },
    usage,
  };
}

function communicationsReply(request: ScriptedChatRequest): ScriptedReply {
  const input = inputOf<{ tools: { candidateId: string; sources: string[] }[] }>(request);
  const first = input.tools[0]?.sources[0] ?? 'S1';
  return {
    kind: 'json',
    value: {
      summary: `The ranked tools fit the goal, the strongest first [${first}].`,
      tools: input.tools.map((tool) => ({
        candidateId: tool.candidateId,
        paragraph: `This tool fits the goal as its sources describe it [${tool.sources[0] ?? first}].`,
      })),
    },
    usage,
  };
}

/** A valid reply for whichever brain sent the request. */
export function validReply(request: ScriptedChatRequest): ScriptedReply {
  switch (brainOf(request)) {
    case 'search':
      return searchReply(request);
    case 'scraper':
      return scraperReply(request);
    case 'ranker':
      return rankerReply(request);
    case 'communications':
      return communicationsReply(request);
  }
}
