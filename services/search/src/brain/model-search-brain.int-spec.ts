import type { ModelUsage } from '@swarm/contracts';
import { GoalSpec } from '@swarm/contracts';
import { loadCorpus } from '@swarm/corpus';
import { ModelOutputError } from '@swarm/models';
import { scriptedModelClient } from '@swarm/models/testing';
import type { ScriptedModelServer } from '@swarm/testing';
import { startScriptedModelServer } from '@swarm/testing';
import { TaskError } from '@swarm/transport/errors';
import type { PackageRecord } from '../domain/package-record.js';
import { CorpusSource } from '../sources/corpus-source.js';
import { mergeHits } from '../sources/merge-hits.js';
import type { SearchSource, SourceHit } from '../sources/search-source.js';
import { BuiltinSearchBrain } from './builtin-search-brain.js';
import { ModelSearchBrain } from './model-search-brain.js';
import type { QueryPlan } from './query-plan-output.js';

const VERSION = 'search.plan@1';
const goal = GoalSpec.parse({ text: 'find top 5 agentic AI tools' });
const corpus = new CorpusSource({ packages: loadCorpus() });

const pkg = (name: string, summary: string): PackageRecord => ({
  id: name,
  name,
  summary,
  keywords: [],
  monthlyDownloads: 0,
  features: [],
});

/** A small source in the test: answers the same three packages whatever the terms, and records the terms. */
function feedSource(asked: string[] = []): SearchSource {
  const name = 'feed:https://feed.test/agents.xml';
  return {
    name,
    search: (terms, limit) => {
      asked.push(terms);
      const hits: SourceHit[] = [
        { pkg: pkg('agent-kit-py', 'Python agent toolkit'), score: 3, source: name },
        { pkg: pkg('agent-kit-ts', 'TypeScript agent toolkit'), score: 2, source: name },
        { pkg: pkg('crew-lite', 'Agents in crews'), score: 1, source: name },
      ];
      return Promise.resolve(hits.slice(0, limit));
    },
  };
}

function failingSource(error: Error): SearchSource {
  return { name: 'http:https://api.test/search', search: () => Promise.reject(error) };
}

const plan = (overrides: Partial<QueryPlan> = {}): QueryPlan => ({
  topic: 'agentic ai tools',
  count: 5,
  must: ['agent'],
  should: ['framework'],
  capabilityTags: ['tool-calling'],
  exclude: [],
  ...overrides,
});

describe('ModelSearchBrain against the scripted model server', () => {
  let server: ScriptedModelServer;
  let usages: ModelUsage[];

  beforeAll(async () => {
    server = await startScriptedModelServer();
  });
  afterAll(() => server.close());

  beforeEach(() => {
    usages = [];
  });

  function brain(env: Record<string, string> = {}): ModelSearchBrain {
    const client = scriptedModelClient(`${server.url}/v1`, (usage) => usages.push(usage), env);
    return new ModelSearchBrain(client, new BuiltinSearchBrain());
  }

  const requestsFrom = (start: number) => server.requests.slice(start);

  it('calls the corpus as a tool, then uses the plan and the hits that call found', async () => {
    const start = server.requests.length;
    server.enqueue(
      {
        kind: 'tool-calls',
        calls: [{ name: 'search_corpus', args: { terms: 'agent framework', limit: 10 } }],
      },
      { kind: 'json', value: plan() },
    );
    const findings = await brain().search(goal, [corpus]);

    const expected = mergeHits([await corpus.search('agent framework', 10)]);
    expect(expected.length).toBeGreaterThan(0);
    expect(findings.hits).toEqual(expected);
    expect(findings.hits.every((hit) => hit.source === 'corpus')).toBe(true);
    expect(findings).toMatchObject({ terms: 'agent framework', failures: [], plan: plan() });

    const [first, second] = requestsFrom(start);
    expect(JSON.stringify(first?.tools)).toContain('search_corpus');
    expect(first?.messages.at(-1)?.content).toContain('"goal":"find top 5 agentic AI tools"');
    const toolResult = second?.messages.find((message) => message.role === 'tool');
    expect(toolResult?.toolCallId).toBeDefined();
    expect(toolResult?.content).toContain(JSON.stringify(expected[0]?.pkg.name));
    expect(usages).toHaveLength(2);
    expect(usages.every((usage) => usage.promptVersions.includes(VERSION))).toBe(true);
    expect(server.requests[start]?.messages[0]?.content).toContain(VERSION);
  });

  it('drops hits matching an exclude term and records a failing source tool as a failure', async () => {
    const asked: string[] = [];
    const down = TaskError.retryable('source-unavailable', 'search api answered 503');
    const start = server.requests.length;
    server.enqueue(
      {
        kind: 'tool-calls',
        calls: [
          { name: 'search_feed_1', args: { terms: 'agent toolkit' } },
          { name: 'search_http_1', args: { terms: 'agent toolkit' } },
        ],
      },
      { kind: 'json', value: plan({ must: ['agent', 'toolkit'], should: [], exclude: ['python'] }) },
    );
    const findings = await brain().search(goal, [feedSource(asked), failingSource(down)]);

    expect(asked).toEqual(['agent toolkit']);
    expect(findings.hits.map((hit) => hit.pkg.name)).toEqual(['agent-kit-ts', 'crew-lite']);
    expect(findings.terms).toBe('agent toolkit');
    expect(findings.failures).toEqual([{ source: 'http:https://api.test/search', error: down }]);
    const toolResults = requestsFrom(start)[1]?.messages.filter((message) => message.role === 'tool');
    expect(toolResults?.map((message) => message.content).join('\n')).toContain('search api answered 503');
  });

  it('throws the source failure when every source call failed, so the task is retried', async () => {
    const down = TaskError.retryable('source-timeout', 'search api timed out');
    server.enqueue(
      { kind: 'tool-calls', calls: [{ name: 'search_http_1', args: { terms: 'agent' } }] },
      { kind: 'json', value: plan() },
    );
    await expect(brain().search(goal, [failingSource(down)])).rejects.toBe(down);
  });

  it('asks again with the rule error when the model answered without calling a source', async () => {
    const start = server.requests.length;
    server.enqueue(
      { kind: 'json', value: plan() },
      { kind: 'tool-calls', calls: [{ name: 'search_corpus', args: { terms: 'agent' } }] },
      { kind: 'json', value: plan() },
    );
    const findings = await brain().search(goal, [corpus]);

    expect(findings.plan).toEqual(plan());
    expect(findings.hits.length).toBeGreaterThan(0);
    const correction = requestsFrom(start)[1]?.messages.at(-1);
    expect(correction?.role).toBe('user');
    expect(correction?.content).toContain(
      'you called no source tool: call at least one of search_corpus with your terms before answering',
    );
    expect(requestsFrom(start)).toHaveLength(3);
  });

  it('gives up with ModelOutputError carrying the errors and the last output', async () => {
    const bad = plan({ must: [], should: [] });
    server.enqueue({ kind: 'json', value: bad }, { kind: 'json', value: bad }, { kind: 'json', value: bad });
    const error = await brain()
      .search(goal, [corpus])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ModelOutputError);
    const { model } = error as ModelOutputError;
    expect(model.promptVersion).toBe(VERSION);
    expect(model.model).toBe('openai-compatible:scripted');
    expect(JSON.parse(model.lastOutput)).toEqual(bad);
    expect(model.errors).toEqual([
      'the plan has no search terms: give at least one "must" or "should" term',
      'you called no source tool: call at least one of search_corpus with your terms before answering',
    ]);
  });

  it('answers with the builtin search when the fallback is builtin, and records the fallback', async () => {
    const bad = plan({ count: 0 });
    server.enqueue({ kind: 'json', value: bad }, { kind: 'json', value: bad });
    const findings = await brain({
      SWARM_MODEL_FALLBACK: 'builtin',
      SWARM_MODEL_MAX_CORRECTIONS: '1',
    }).search(goal, [corpus]);

    expect(findings).toEqual(await new BuiltinSearchBrain().search(goal, [corpus]));
    expect(findings.terms).toBe('agentic ai');
    const fallback = usages.find((usage) => usage.fallback !== undefined);
    expect(fallback?.fallback).toMatch(/^invalid-model-output: /);
    expect(fallback?.fallback).toContain('count 0 is out of bounds');
  });
});
