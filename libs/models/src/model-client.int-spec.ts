import { metrics } from '@opentelemetry/api';
import type { Histogram as HistogramPoint } from '@opentelemetry/sdk-metrics';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ModelUsage } from '@swarm/contracts';
import type { ScriptedModelServer } from '@swarm/testing';
import { startScriptedModelServer } from '@swarm/testing';
import { z } from 'zod';
import { ModelCallError, ModelOutputError } from './errors.js';
import { ModelClient } from './model-client.js';
import { Echo, ECHO_PROMPT, modelTargetOf, mustEcho } from './testing/echo-fixture.js';
import { createLanguageModel } from './provider-factory.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

/** Collects metrics on demand (the agents serve them at /metrics; a test reads them directly). */
class CollectingReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}
const reader = new CollectingReader();
const meterProvider = new MeterProvider({ readers: [reader] });
metrics.setGlobalMeterProvider(meterProvider);

let server: ScriptedModelServer;
let usages: ModelUsage[];

function client(env: Record<string, string> = {}): ModelClient {
  return new ModelClient(
    modelTargetOf({
      SWARM_MODEL: 'openai-compatible:scripted',
      SWARM_MODEL_BASE_URL: `${server.url}/v1`,
      SWARM_MODEL_API_KEY: 'sk-test-secret',
      SWARM_MODEL_PRICE_INPUT_PER_MTOK: '1',
      SWARM_MODEL_PRICE_OUTPUT_PER_MTOK: '2',
      ...env,
    }),
    (usage) => usages.push(usage),
  );
}

const echo = (model: ModelClient, word = 'swarm', signal?: AbortSignal) =>
  model.generateChecked({
    prompt: ECHO_PROMPT,
    input: { word },
    schema: Echo,
    validate: mustEcho(word),
    ...(signal ? { signal } : {}),
  });

beforeAll(async () => {
  server = await startScriptedModelServer({ apiKey: 'sk-test-secret', knownModels: ['scripted'] });
});
beforeEach(() => {
  usages = [];
  exporter.reset();
});
afterAll(async () => {
  await server.close();
  await provider.shutdown();
  await meterProvider.shutdown();
});

describe('ModelClient.generateChecked', () => {
  it('returns a valid output, asking for the JSON schema, and reports usage and cost', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 1_000, output: 500 } });
    await expect(echo(client())).resolves.toEqual({ echo: 'swarm' });
    const request = server.requests[before];
    expect(request?.responseFormat).toMatchObject({ type: 'json_schema' });
    expect(request?.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('test.echo@1'),
    });
    expect(usages).toEqual([
      {
        model: 'openai-compatible:scripted',
        promptVersions: ['test.echo@1'],
        calls: 1,
        inputTokens: 1_000,
        outputTokens: 500,
        costUsd: 0.002,
      },
    ]);
  });

  it('asks again with the validation errors and uses the corrected output', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { echo: 'swam' } }, { kind: 'json', value: { echo: 'swarm' } });
    await expect(echo(client())).resolves.toEqual({ echo: 'swarm' });
    const correction = server.requests[before + 1];
    expect(correction?.messages.at(-1)?.content).toContain('echo "swam" is not the word "swarm"');
    expect(correction?.messages.some((m) => m.role === 'assistant' && m.content.includes('swam'))).toBe(true);
    expect(usages).toHaveLength(2);
  });

  it('sends a schema mismatch back as a correction', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { said: 'swarm' } }, { kind: 'json', value: { echo: 'swarm' } });
    await expect(echo(client())).resolves.toEqual({ echo: 'swarm' });
    expect(server.requests[before + 1]?.messages.at(-1)?.content).toMatch(/does not match the schema/);
  });

  it('gives up after the configured corrections with the model, prompt version, last output and errors', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'a' } }, { kind: 'json', value: { echo: 'b' } });
    const failure = await echo(client({ SWARM_MODEL_MAX_CORRECTIONS: '1' })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelOutputError);
    expect(failure).toMatchObject({
      code: 'invalid-model-output',
      retryable: false,
      model: {
        model: 'openai-compatible:scripted',
        promptVersion: 'test.echo@1',
        lastOutput: '{"echo":"b"}',
        errors: ['echo "b" is not the word "swarm"'],
      },
    });
    expect(usages.map((usage) => usage.calls)).toEqual([1, 1]);
  });

  it('answers with the builtin when the deployment allows the fallback, and says so', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'no' } });
    const model = client({ SWARM_MODEL_MAX_CORRECTIONS: '0', SWARM_MODEL_FALLBACK: 'builtin' });
    await expect(
      model.withFallback(
        () => echo(model),
        () => ({ echo: 'builtin' }),
      ),
    ).resolves.toEqual({ echo: 'builtin' });
    expect(usages.at(-1)).toMatchObject({
      calls: 0,
      fallback: expect.stringMatching(/^invalid-model-output: /),
    });
  });

  it('never falls back on a retryable fault', async () => {
    server.enqueue({ kind: 'error', status: 503, message: 'overloaded' });
    const model = client({ SWARM_MODEL_FALLBACK: 'builtin' });
    await expect(
      model.withFallback(
        () => echo(model),
        () => ({ echo: 'builtin' }),
      ),
    ).rejects.toMatchObject({ code: 'model-unavailable', retryable: true });
  });
});

describe('provider faults', () => {
  it('turns a 429 into a retryable error that carries Retry-After, without retrying itself', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'error', status: 429, message: 'slow down', retryAfterSeconds: 7 });
    const failure = await echo(client()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelCallError);
    expect(failure).toMatchObject({ code: 'model-rate-limited', retryable: true, retryAfterMs: 7_000 });
    expect(server.requests.length - before).toBe(1);
  });

  it('gives up at once on an unknown model', async () => {
    const failure = await echo(client({ SWARM_MODEL: 'openai-compatible:no-such-model' })).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: 'model-not-found', retryable: false });
  });

  it('gives up at once on a refused key, without echoing it', async () => {
    const failure = await echo(client({ SWARM_MODEL_API_KEY: 'sk-wrong' })).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'model-auth-refused', retryable: false });
    expect((failure as Error).message).not.toContain('sk-wrong');
  });

  it('retries a server that refuses the connection, as unreachable', async () => {
    const closed = await startScriptedModelServer();
    const url = closed.url;
    await closed.close();
    const model = new ModelClient(
      modelTargetOf({ SWARM_MODEL: 'openai-compatible:scripted', SWARM_MODEL_BASE_URL: `${url}/v1` }),
      (usage) => usages.push(usage),
    );
    await expect(echo(model)).rejects.toMatchObject({ code: 'model-unreachable', retryable: true });
    expect(usages).toEqual([]);
  });

  it('never lets a provider package read its own base URL from the environment', () => {
    const target = modelTargetOf({ SWARM_MODEL: 'openai:gpt-4.1', SWARM_MODEL_API_KEY: 'sk-1' });
    process.env['OPENAI_BASE_URL'] = 'http://127.0.0.1:9/v1';
    try {
      const model = createLanguageModel(target) as unknown as {
        config: { url: (o: { path: string }) => string };
      };
      expect(model.config.url({ path: '/chat/completions' })).toBe(
        'https://api.openai.com/v1/chat/completions',
      );
    } finally {
      delete process.env['OPENAI_BASE_URL'];
    }
  });

  it('speaks to OpenAI’s Chat Completions API with the openai provider', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'json', value: { echo: 'swarm' } });
    await expect(echo(client({ SWARM_MODEL: 'openai:scripted' }))).resolves.toEqual({ echo: 'swarm' });
    expect(server.requests[before]?.headers['authorization']).toBe('Bearer sk-test-secret');
    expect(usages[0]?.model).toBe('openai:scripted');
  });

  it('times out a call that never answers, as a retryable fault', async () => {
    server.enqueue({ kind: 'hang' });
    const failure = await echo(client({ SWARM_MODEL_TIMEOUT_MS: '1000' })).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'model-timeout', retryable: true });
  });
});

describe('GenAI telemetry', () => {
  it('traces each call as a chat span with the GenAI attributes, inside invoke_agent, without contents', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 12, output: 3 } });
    const model = client();
    await model.invokeAgent('ranker', () => echo(model));
    const spans = exporter.getFinishedSpans();
    const chat = spans.find((span) => span.name === 'chat scripted');
    const agent = spans.find((span) => span.name === 'invoke_agent ranker');
    expect(chat?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai-compatible',
      'gen_ai.request.model': 'scripted',
      'gen_ai.response.model': 'scripted',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 3,
      'gen_ai.response.finish_reasons': ['stop'],
    });
    expect(chat?.parentSpanContext?.spanId).toBe(agent?.spanContext().spanId);
    expect(chat?.attributes['gen_ai.input.messages']).toBeUndefined();
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain('sk-test-secret');
  });

  it('records the GenAI client metrics: tokens by type and operation duration', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 30, output: 4 } });
    await echo(client());
    const { resourceMetrics } = await reader.collect();
    const all = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
    const tokens = all.find((metric) => metric.descriptor.name === 'gen_ai.client.token.usage');
    const input = tokens?.dataPoints.find((point) => point.attributes['gen_ai.token.type'] === 'input');
    expect((input?.value as HistogramPoint | undefined)?.sum).toBeGreaterThanOrEqual(30);
    expect(input?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'scripted',
    });
    const duration = all.find((metric) => metric.descriptor.name === 'gen_ai.client.operation.duration');
    expect(duration?.descriptor.unit).toBe('s');
    expect(duration?.dataPoints.length).toBeGreaterThan(0);
  });

  it('puts message contents on the span only when the deployment opted in', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'swarm' } });
    await echo(client({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' }));
    const chat = exporter.getFinishedSpans().find((span) => span.name === 'chat scripted');
    expect(chat?.attributes['gen_ai.input.messages']).toContain('Echo this word');
    expect(chat?.attributes['gen_ai.output.messages']).toContain('swarm');
  });

  it('asks a model that keeps calling tools past the step limit to answer, with the tools turned off', async () => {
    const before = server.requests.length;
    const call = { kind: 'tool-calls', calls: [{ name: 'lookup', args: { key: 'w' } }] } as const;
    server.enqueue(call, call, { kind: 'json', value: { echo: 'swarm' } });
    const model = client({ SWARM_MODEL_MAX_STEPS: '2' });
    const lookup = model.tool('lookup', 'looks a word up', z.object({ key: z.string() }), () =>
      Promise.resolve({ word: 'swarm' }),
    );
    await expect(
      model.generateChecked({
        prompt: ECHO_PROMPT,
        input: { word: 'swarm' },
        schema: Echo,
        tools: { lookup },
      }),
    ).resolves.toEqual({ echo: 'swarm' });
    const correction = server.requests[before + 2];
    expect(correction?.messages.at(-1)?.content).toMatch(/called tools for 2 steps .* without answering/);
    expect(correction?.body['tool_choice']).toBe('none');
  });

  it('traces a tool the model calls as execute_tool and feeds its result back', async () => {
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
    const second = server.requests[before + 1];
    expect(second?.messages.some((m) => m.role === 'tool' && m.content.includes('swarm'))).toBe(true);
    expect(exporter.getFinishedSpans().map((span) => span.name)).toContain('execute_tool lookup');
    expect(usages.reduce((sum, usage) => sum + usage.calls, 0)).toBe(2);
  });
});
