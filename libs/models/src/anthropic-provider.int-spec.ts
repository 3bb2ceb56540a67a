import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ModelUsage } from '@swarm/contracts';
import type { ScriptedModelServer } from '@swarm/testing';
import { startScriptedModelServer } from '@swarm/testing';
import { z } from 'zod';
import { ModelCallError } from './errors.js';
import { ModelClient } from './model-client.js';
import { Echo, ECHO_PROMPT, modelTargetOf, mustEcho } from './testing/echo-fixture.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

/** What the AI SDK warned about, kept here instead of printed: the provider's adjustments to each request. */
const sdkWarnings: string[] = [];
globalThis.AI_SDK_LOG_WARNINGS = ({ warnings }) => {
  sdkWarnings.push(...warnings.map((warning) => JSON.stringify(warning)));
};

const API_KEY = 'sk-ant-test-secret';

let server: ScriptedModelServer;
let usages: ModelUsage[];

function client(env: Record<string, string> = {}): ModelClient {
  return new ModelClient(
    modelTargetOf({
      SWARM_MODEL: 'anthropic:claude-scripted',
      SWARM_MODEL_BASE_URL: `${server.url}/v1`,
      SWARM_MODEL_API_KEY: API_KEY,
      SWARM_MODEL_PRICE_INPUT_PER_MTOK: '1',
      SWARM_MODEL_PRICE_OUTPUT_PER_MTOK: '2',
      ...env,
    }),
    (usage) => usages.push(usage),
  );
}

const echo = (model: ModelClient, word = 'swarm') =>
  model.generateChecked({ prompt: ECHO_PROMPT, input: { word }, schema: Echo, validate: mustEcho(word) });

beforeAll(async () => {
  server = await startScriptedModelServer({ apiKey: API_KEY, knownModels: ['claude-scripted'] });
});
beforeEach(() => {
  usages = [];
  sdkWarnings.length = 0;
  exporter.reset();
});
afterAll(async () => {
  await server.close();
  await provider.shutdown();
});

describe('the anthropic provider against the Messages API', () => {
  it('returns a valid output asked for with output_config.format, and reports usage and cost', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 1_000, output: 500 } });

    await expect(echo(client())).resolves.toEqual({ echo: 'swarm' });

    const request = server.requests[before];
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(request?.headers['anthropic-version']).toBeDefined();
    expect(request?.headers['authorization']).toBeUndefined();
    expect(request?.responseFormat).toMatchObject({ type: 'json_schema', schema: { type: 'object' } });
    expect(request?.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('test.echo@1'),
    });
    expect(request?.messages[1]).toMatchObject({ role: 'user', content: expect.stringContaining('swarm') });
    expect(request?.body['max_tokens']).toBe(2_048);
    // The provider takes a `claude-` id it does not know for one of the newest models, which refuse sampling
    // parameters: SWARM_MODEL_TEMPERATURE is dropped with a warning instead of sent.
    expect(request?.body['temperature']).toBeUndefined();
    expect(sdkWarnings.join('\n')).toContain('temperature is not supported by claude-scripted');
    expect(usages).toEqual([
      {
        model: 'anthropic:claude-scripted',
        promptVersions: ['test.echo@1'],
        calls: 1,
        inputTokens: 1_000,
        outputTokens: 500,
        costUsd: 0.002,
      },
    ]);
  });

  it('asks again once with the validation errors and uses the corrected output', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { echo: 'swam' } }, { kind: 'json', value: { echo: 'swarm' } });

    await expect(echo(client())).resolves.toEqual({ echo: 'swarm' });

    expect(server.requests.length - before).toBe(2);
    const correction = server.requests[before + 1];
    expect(correction?.messages.at(-1)).toMatchObject({
      role: 'user',
      content: expect.stringContaining('echo "swam" is not the word "swarm"'),
    });
    expect(correction?.messages.some((m) => m.role === 'assistant' && m.content.includes('swam'))).toBe(true);
    expect(usages).toHaveLength(2);
  });

  it('reads the output from the forced json tool when the schema cannot go into output_config.format', async () => {
    const before = server.requests.length;
    const Tagged = z.object({ echo: z.string(), tags: z.record(z.string(), z.string()) });
    server.enqueue({ kind: 'json', value: { echo: 'swarm', tags: { lang: 'en' } } });

    const output = await client().generateChecked({
      prompt: ECHO_PROMPT,
      input: { word: 'swarm' },
      schema: Tagged,
    });

    expect(output).toEqual({ echo: 'swarm', tags: { lang: 'en' } });
    expect(server.requests[before]?.responseFormat).toMatchObject({ type: 'json_tool' });
    expect(server.requests[before]?.body['tool_choice']).toMatchObject({ type: 'any' });
  });

  it('runs a tool the model calls, feeds its result back, then returns the output', async () => {
    const before = server.requests.length;
    server.enqueue(
      { kind: 'tool-calls', calls: [{ name: 'lookup', args: { key: 'w' } }] },
      { kind: 'json', value: { echo: 'swarm' } },
    );
    const model = client();
    const lookup = model.tool('lookup', 'looks a word up', z.object({ key: z.string() }), (args) =>
      Promise.resolve({ word: args.key === 'w' ? 'swarm' : '?' }),
    );

    await expect(
      model.generateChecked({
        prompt: ECHO_PROMPT,
        input: { word: 'swarm' },
        schema: Echo,
        tools: { lookup },
      }),
    ).resolves.toEqual({ echo: 'swarm' });

    expect(server.requests[before]?.tools).toEqual([expect.objectContaining({ name: 'lookup' })]);
    const second = server.requests[before + 1];
    const call = second?.messages.find((m) => m.role === 'assistant' && m.toolCalls !== undefined);
    expect(call?.toolCalls).toEqual([
      { id: expect.stringMatching(/^toolu_/), name: 'lookup', arguments: '{"key":"w"}' },
    ]);
    expect(second?.messages).toContainEqual({
      role: 'tool',
      content: expect.stringContaining('swarm'),
      toolCallId: call?.toolCalls?.[0]?.id,
    });
    expect(exporter.getFinishedSpans().map((span) => span.name)).toContain('execute_tool lookup');
    expect(usages.reduce((sum, usage) => sum + usage.calls, 0)).toBe(2);
  });
});

describe('anthropic provider faults', () => {
  it('turns a 429 rate_limit_error into a retryable error carrying Retry-After, without retrying itself', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'error', status: 429, message: 'slow down', retryAfterSeconds: 7 });

    const failure = await echo(client()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ModelCallError);
    expect(failure).toMatchObject({ code: 'model-rate-limited', retryable: true, retryAfterMs: 7_000 });
    expect((failure as Error).message).toContain('slow down');
    expect(server.requests.length - before).toBe(1);
  });

  it('turns a 529 overloaded_error into a retryable model-unavailable', async () => {
    server.enqueue({ kind: 'error', status: 529, message: 'Overloaded' });

    const failure = await echo(client()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ModelCallError);
    expect(failure).toMatchObject({ code: 'model-unavailable', retryable: true });
  });

  it('gives up at once on an unknown model', async () => {
    const before = server.requests.length;

    const failure = await echo(client({ SWARM_MODEL: 'anthropic:claude-no-such-model' })).catch(
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ code: 'model-not-found', retryable: false });
    expect(server.requests.length - before).toBe(1);
  });

  it('gives up at once on a refused key, without echoing it', async () => {
    const failure = await echo(client({ SWARM_MODEL_API_KEY: 'sk-ant-wrong' })).catch((e: unknown) => e);

    expect(failure).toMatchObject({ code: 'model-auth-refused', retryable: false });
    expect((failure as Error).message).not.toContain('sk-ant-wrong');
  });
});

describe('anthropic GenAI telemetry', () => {
  it('traces the call as a chat span with gen_ai.provider.name anthropic, without the key', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 12, output: 3 } });
    const model = client();

    await model.invokeAgent('ranker', () => echo(model));

    const spans = exporter.getFinishedSpans();
    const chat = spans.find((span) => span.name === 'chat claude-scripted');
    const agent = spans.find((span) => span.name === 'invoke_agent ranker');
    expect(chat?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-scripted',
      'gen_ai.response.model': 'claude-scripted',
      'gen_ai.response.id': expect.stringMatching(/^msg_\d+$/),
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 3,
      'gen_ai.response.finish_reasons': ['stop'],
      'server.address': '127.0.0.1',
    });
    expect(agent?.attributes['gen_ai.provider.name']).toBe('anthropic');
    expect(chat?.parentSpanContext?.spanId).toBe(agent?.spanContext().spanId);
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(API_KEY);
  });
});
