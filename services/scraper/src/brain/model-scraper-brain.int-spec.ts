import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelUsage } from '@swarm/contracts';
import { PageExtract } from '@swarm/contracts';
import { inputOfMessage, ModelCallError, ModelOutputError } from '@swarm/models';
import { scriptedModelClient } from '@swarm/models/testing';
import type { ScriptedChatRequest, ScriptedModelServer } from '@swarm/testing';
import { startScriptedModelServer } from '@swarm/testing';
import type { ExtractPageInput } from '../domain/extract-page.js';
import { extractPage } from '../domain/extract-page.js';
import { inProcessExtractor } from '../extract/testing/in-process-extractor.js';
import { BuiltinScraperBrain } from './builtin-scraper-brain.js';
import { ModelScraperBrain } from './model-scraper-brain.js';
import type { PageFacts } from './page-facts-output.js';
import type { PageFactsInput } from './prompts/page-facts.prompt.js';

const VERSION = 'scraper.facts@1';
const html = readFileSync(join(__dirname, '../domain/fixtures/docs-page.html'), 'utf8');
const meta: ExtractPageInput = {
  url: 'https://fastify-lite.example/docs',
  finalUrl: 'https://fastify-lite.example/docs/',
  bytes: 4_096,
  fetchedAt: '2025-11-21T05:49:00.000Z',
};
const builtinExtract = extractPage(html, meta);

const facts: PageFacts = {
  features: ['HTTP/2 support', 'Plugin system'],
  integrations: ['Node.js'],
  claims: [{ claim: 'handles high load', quote: 'up to 30k requests per second' }],
};

/** The JSON input the prompt rendered into the request's first user message. */
function inputOf(request: ScriptedChatRequest | undefined): PageFactsInput {
  const content = request?.messages.find((message) => message.role === 'user')?.content ?? '';
  return inputOfMessage<PageFactsInput>(content);
}

describe('ModelScraperBrain against the scripted model server', () => {
  let server: ScriptedModelServer;
  let usages: ModelUsage[];

  beforeAll(async () => {
    server = await startScriptedModelServer();
  });
  afterAll(() => server.close());

  beforeEach(() => {
    usages = [];
  });

  function brain(env: Record<string, string> = {}, textChars = 6_000): ModelScraperBrain {
    const client = scriptedModelClient(`${server.url}/v1`, (usage) => usages.push(usage), env);
    return new ModelScraperBrain(client, new BuiltinScraperBrain(inProcessExtractor), textChars);
  }

  it("keeps the code's extraction and takes the model's features, integrations and claims", async () => {
    const start = server.requests.length;
    server.enqueue({ kind: 'json', value: facts });
    const extract = await brain().extract(html, meta);

    expect(extract).toEqual({ ...builtinExtract, ...facts });
    expect(PageExtract.parse(extract)).toEqual(extract);
    const request = server.requests[start];
    expect(request?.messages[0]?.content).toContain(VERSION);
    expect(inputOf(request)).toEqual({
      url: builtinExtract.finalUrl,
      title: builtinExtract.title,
      description: builtinExtract.description,
      text: builtinExtract.text,
    });
    expect(usages).toEqual([expect.objectContaining({ promptVersions: [VERSION], calls: 1 })]);
  });

  it('sends the page text cut at the model text limit', async () => {
    const start = server.requests.length;
    server.enqueue({ kind: 'json', value: { features: [], integrations: [], claims: [] } });
    await brain({}, 200).extract(html, meta);

    const { text } = inputOf(server.requests[start]);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.length).toBeGreaterThan(150);
    expect(builtinExtract.text.startsWith(text)).toBe(true);
  });

  it('asks again with the rule error when a quote is not in the page, then uses the corrected facts', async () => {
    const start = server.requests.length;
    const invented = {
      ...facts,
      claims: [{ claim: 'handles high load', quote: 'up to 90k requests per second' }],
    };
    server.enqueue({ kind: 'json', value: invented }, { kind: 'json', value: facts });
    const extract = await brain().extract(html, meta);

    expect(extract.claims).toEqual(facts.claims);
    const correction = server.requests[start + 1]?.messages.at(-1);
    expect(correction?.role).toBe('user');
    expect(correction?.content).toContain(
      'the quote "up to 90k requests per second" of claim "handles high load" does not occur verbatim in the page text',
    );
  });

  it('gives up with ModelOutputError carrying the errors and the last output', async () => {
    const repeated = { ...facts, features: ['Logging', 'logging'] };
    server.enqueue(
      { kind: 'json', value: repeated },
      { kind: 'json', value: repeated },
      { kind: 'json', value: repeated },
    );
    const error = await brain()
      .extract(html, meta)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ModelOutputError);
    const { model } = error as ModelOutputError;
    expect(model).toMatchObject({ model: 'openai-compatible:scripted', promptVersion: VERSION });
    expect(JSON.parse(model.lastOutput)).toEqual(repeated);
    expect(model.errors).toEqual(['feature "logging" is listed more than once (case-insensitive): keep one']);
  });

  it('throws a permanent ModelCallError for a model the provider does not know', async () => {
    server.knownModels = ['another-model'];
    try {
      const error = await brain()
        .extract(html, meta)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelCallError);
      expect(error).toMatchObject({ code: 'model-not-found', retryable: false });
    } finally {
      delete server.knownModels;
    }
  });

  it('answers with the builtin extract when the fallback is builtin, and records the fallback', async () => {
    const bad = { ...facts, integrations: [''] };
    server.enqueue({ kind: 'json', value: bad }, { kind: 'json', value: bad });
    const extract = await brain({
      SWARM_MODEL_FALLBACK: 'builtin',
      SWARM_MODEL_MAX_CORRECTIONS: '1',
    }).extract(html, meta);

    expect(extract).toEqual(builtinExtract);
    const fallback = usages.find((usage) => usage.fallback !== undefined);
    expect(fallback?.fallback).toMatch(/^invalid-model-output: /);
    expect(fallback?.fallback).toContain('integration 1 is empty');
  });

  it('does not call the model for a page without text', async () => {
    const start = server.requests.length;
    const extract = await brain().extract(
      '<html><head><title>Empty</title></head><body></body></html>',
      meta,
    );
    expect(extract.title).toBe('Empty');
    expect(extract.claims).toBeUndefined();
    expect(server.requests.length).toBe(start);
  });
});
