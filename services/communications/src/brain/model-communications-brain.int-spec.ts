import type { ModelUsage } from '@swarm/contracts';
import { inputOfMessage, ModelOutputError } from '@swarm/models';
import { scriptedModelClient } from '@swarm/models/testing';
import type { ScriptedModelServer } from '@swarm/testing';
import { startScriptedModelServer } from '@swarm/testing';
import { ranking, rankedEntry } from '../domain/testing/ranking.fixture.js';
import { BuiltinCommunicationsBrain } from './builtin-communications-brain.js';
import { ModelCommunicationsBrain } from './model-communications-brain.js';
import { WRITE_REPORT_VERSION } from './prompts/write-report.prompt.js';
import type { WriteReportInput } from './write-report-input.js';

const GOAL = 'top NATS clients';
// jet: S1 (package page), S2 (docs page); nats: S3, S4.
const twoTools = ranking([rankedEntry(1, 'jet'), rankedEntry(2, 'nats', { score: 0.79 })]);

const valid = {
  summary: 'jet leads with 0.82 [S1]. nats follows with 0.79 [S3].',
  tools: [
    { candidateId: 'jet', paragraph: 'jet has 412K downloads a month [S1]. It offers work queues [S2].' },
    { candidateId: 'nats', paragraph: 'nats is Apache-2.0 licensed [S3].' },
  ],
};

describe('ModelCommunicationsBrain against a scripted model server', () => {
  let server: ScriptedModelServer;
  let usages: ModelUsage[];

  beforeAll(async () => {
    server = await startScriptedModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    usages = [];
  });

  function brain(env: Record<string, string> = {}): ModelCommunicationsBrain {
    const client = scriptedModelClient(`${server.url}/v1`, (usage) => usages.push(usage), env);
    return new ModelCommunicationsBrain(client, new BuiltinCommunicationsBrain());
  }

  const userMessages = (index: number) =>
    server.requests[index]!.messages.filter((m) => m.role === 'user').map((m) => m.content);

  it('returns the narrative with its sources, in rank order, and counts the call', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { ...valid, tools: [...valid.tools].reverse() } });
    const narrative = await brain().write(twoTools, GOAL);
    expect(server.requests.length - before).toBe(1);
    const input = inputOfMessage<WriteReportInput>(userMessages(before)[0]!);
    expect(input.goal).toBe(GOAL);
    expect(input.tools.map((tool) => [tool.candidateId, tool.score, tool.sources])).toEqual([
      ['jet', '0.82', ['S1', 'S2']],
      ['nats', '0.79', ['S3', 'S4']],
    ]);
    expect(server.requests[before]!.messages[0]!.content).toContain(WRITE_REPORT_VERSION);
    expect(narrative).toEqual({
      summary: valid.summary,
      tools: valid.tools,
      sources: input.sources,
      writtenBy: { model: 'openai-compatible:scripted', promptVersion: WRITE_REPORT_VERSION },
    });
    expect(usages).toEqual([expect.objectContaining({ calls: 1, promptVersions: [WRITE_REPORT_VERSION] })]);
  });

  it('asks once more with the rule errors when a sentence writes a number not in the data', async () => {
    const before = server.requests.length;
    const wrong = { ...valid, summary: 'jet leads with 0.97 [S1].' };
    server.enqueue({ kind: 'json', value: wrong }, { kind: 'json', value: valid });
    const narrative = await brain().write(twoTools, GOAL);
    expect(server.requests.length - before).toBe(2);
    expect(userMessages(before + 1).at(-1)).toContain(
      'the summary: the sentence "jet leads with 0.97 [S1]." writes 0.97, which is not in the ranking data',
    );
    expect(narrative?.summary).toBe(valid.summary);
    expect(usages.map((usage) => usage.calls)).toEqual([1, 1]);
  });

  it('asks once more when a sentence cites a source that does not exist, then uses the answer', async () => {
    const before = server.requests.length;
    const dangling = { ...valid, summary: 'jet leads with 0.82 [S9].' };
    server.enqueue({ kind: 'json', value: dangling }, { kind: 'json', value: valid });
    const narrative = await brain().write(twoTools, GOAL);
    expect(userMessages(before + 1).at(-1)).toContain(
      'the summary cites S9, which is not a given source (S1-S4)',
    );
    expect(narrative?.summary).toBe(valid.summary);
  });

  it('fails with ModelOutputError carrying the errors and the last output when every answer is invalid', async () => {
    const uncited = { ...valid, summary: 'jet leads.' };
    server.enqueue({ kind: 'json', value: uncited }, { kind: 'json', value: uncited });
    const error = await brain({ SWARM_MODEL_MAX_CORRECTIONS: '1' })
      .write(twoTools, GOAL)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelOutputError);
    const { model } = error as ModelOutputError;
    expect(model.promptVersion).toBe(WRITE_REPORT_VERSION);
    expect(model.errors).toEqual([
      'the summary: the sentence "jet leads." cites no source: end every sentence with [Sn] of a source that supports it',
    ]);
    expect(JSON.parse(model.lastOutput)).toEqual(uncited);
  });

  it('answers with the builtin (no narrative) and records the fallback when the deployment allows it', async () => {
    const missing = { ...valid, tools: [valid.tools[0]] };
    server.enqueue({ kind: 'json', value: missing }, { kind: 'json', value: missing });
    const narrative = await brain({
      SWARM_MODEL_MAX_CORRECTIONS: '1',
      SWARM_MODEL_FALLBACK: 'builtin',
    }).write(twoTools, GOAL);
    expect(narrative).toBeUndefined();
    expect(usages.filter((usage) => usage.calls === 1)).toHaveLength(2);
    expect(usages.find((usage) => usage.fallback !== undefined)?.fallback).toContain('invalid-model-output');
  });

  it('makes no call for a ranking with no tool', async () => {
    const before = server.requests.length;
    expect(await brain().write(ranking([], { considered: 0 }), GOAL)).toBeUndefined();
    expect(server.requests.length).toBe(before);
    expect(usages).toEqual([]);
  });
});
