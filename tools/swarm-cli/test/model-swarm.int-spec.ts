import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelUsage, UsageRecord } from '@swarm/contracts';
import { CONTEXT_KEYS, UsageRecord as UsageRecordSchema } from '@swarm/contracts';
import type {
  NatsServerHandle,
  ScriptedChatRequest,
  ScriptedModelServer,
  ScriptedReply,
} from '@swarm/testing';
import { startNats, startScriptedModelServer, waitFor } from '@swarm/testing';
import type { Telemetry } from '@swarm/telemetry';
import { startTelemetry, TelemetryEnv } from '@swarm/telemetry';
import type { GoalEvent } from '@swarm/goal-views';
import { runGoal, runInspect } from '../src/index.js';
import type { E2eSwarm } from './e2e-harness.js';
import { finish, reportOf, startSwarm } from './e2e-harness.js';
import { startOtlpReceiver } from './otlp-receiver.js';
import type { BrainName } from './scripted-brains.js';
import { brainOf, isCorrection, validReply } from './scripted-brains.js';

// Four model-backed agent processes against a scripted model server: a real HTTP server speaking the OpenAI
// chat-completions wire format that answers what this test scripts. It tests the swarm around the model.
let nats: NatsServerHandle;
let model: ScriptedModelServer;
let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
let telemetry: Telemetry;
let swarm: E2eSwarm;
/** Per-brain overrides of the valid script, set by each test. */
let overrides: Partial<
  Record<BrainName, (request: ScriptedChatRequest) => ScriptedReply | Promise<ScriptedReply>>
>;
const quiet = () => undefined;

beforeAll(async () => {
  nats = await startNats();
  otlp = await startOtlpReceiver();
  telemetry = startTelemetry({
    serviceName: 'swarm-cli',
    serviceInstanceId: 'e2e-models',
    env: TelemetryEnv.parse({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_METRICS_EXPORTER: 'none' }),
  });
  model = await startScriptedModelServer({
    apiKey: 'sk-e2e-secret',
    responder: (request) => (overrides[brainOf(request)] ?? validReply)(request),
  });
  swarm = await startSwarm(
    nats.url,
    {},
    {
      SWARM_MODEL: 'openai-compatible:scripted',
      SWARM_MODEL_BASE_URL: `${model.url}/v1`,
      SWARM_MODEL_API_KEY: 'sk-e2e-secret',
      SWARM_MODEL_PRICE_INPUT_PER_MTOK: '1',
      SWARM_MODEL_PRICE_OUTPUT_PER_MTOK: '2',
      SWARM_MODEL_MAX_CORRECTIONS: '1',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      DELIVERY_SINKS: 'file',
    },
  );
}, 120_000);

beforeEach(() => {
  overrides = {};
});

afterAll(async () => {
  await swarm?.stop();
  await model?.close();
  await telemetry?.shutdown();
  await otlp?.close();
  await nats?.stop();
});

const usageOf = (event: GoalEvent) => event.body['usage'] as ModelUsage | undefined;
const ofQueue = (events: readonly GoalEvent[], type: string, queue: string) =>
  events.filter((e) => e.type === type && e.body['queue'] === queue);

async function usageRecords(goalId: string): Promise<UsageRecord[]> {
  const context = await swarm.client.goal(goalId);
  return (await context.list(CONTEXT_KEYS.usagePrefix, UsageRecordSchema)).map((entry) => entry.value);
}

describe('a goal through four model-backed agents', () => {
  it('is delivered with every agent’s usage in its events, the goal context, the spans and the report', async () => {
    const corrections: ScriptedChatRequest[] = [];
    overrides.scraper = (request) => {
      if (!isCorrection(request))
        return {
          kind: 'json',
          value: {
            features: ['x'],
            integrations: [],
            claims: [{ claim: 'c', quote: 'words this page never says' }],
          },
        };
      corrections.push(request);
      return validReply(request);
    };
    const { goalId } = await runGoal(
      swarm.client,
      'agent memory',
      { wait: false, top: 3, timeout: 90_000 },
      quiet,
    );
    const { final, events } = await finish(swarm.client, goalId, 90_000);
    expect(final.body['outcome']).toBe('delivered');

    for (const queue of ['search', 'scrape', 'rank', 'report']) {
      const completions = ofQueue(events, 'task.completed', queue);
      expect(completions.length).toBeGreaterThan(0);
      for (const completion of completions)
        expect(usageOf(completion)).toMatchObject({
          model: 'openai-compatible:scripted',
          calls: expect.any(Number),
        });
    }
    // search: a tool-calling step and the plan; each scrape: a refused quote, then its correction.
    expect(usageOf(ofQueue(events, 'task.completed', 'search')[0]!)?.calls).toBe(2);
    for (const scrape of ofQueue(events, 'task.completed', 'scrape')) expect(usageOf(scrape)?.calls).toBe(2);
    expect(corrections.length).toBeGreaterThan(0);
    expect(corrections[0]!.messages.at(-1)?.content).toContain('words this page never says');
    const search = ofQueue(events, 'task.completed', 'search')[0]!;
    expect(usageOf(search)).toMatchObject({ inputTokens: 800, outputTokens: 120, costUsd: 0.00104 });

    const inspected: string[] = [];
    await runInspect(swarm.client, goalId, (line) => inspected.push(line));
    expect(inspected.join('\n')).toMatch(/total\s+\d+ attempts · \d+ calls · [\d,]+ in \/ [\d,]+ out tokens/);
    const json: string[] = [];
    await runInspect(swarm.client, goalId, (line) => json.push(line), true);
    const stored = JSON.parse(json.join('\n')) as { type: string; usage?: ModelUsage }[];
    expect(stored.filter((event) => event.type === 'task.completed' && event.usage).length).toBe(
      events.filter((event) => event.type === 'task.completed').length,
    );

    const records = await usageRecords(goalId);
    expect(new Set(records.map((record) => record.queue))).toEqual(
      new Set(['search', 'scrape', 'rank', 'report']),
    );
    const report = await reportOf(swarm.client, goalId);
    expect(report).toMatch(/Model usage/);
    expect(report).toContain('openai-compatible:scripted');

    await waitFor(
      () =>
        otlp.spans.some(
          (s) => s.name === 'chat scripted' && s.attributes['gen_ai.usage.input_tokens'] === 400,
        ),
      {
        timeoutMs: 20_000,
        description: 'the chat spans exported',
      },
    );
    const goalTrace = otlp.spans.find((s) => s.attributes['swarm.goal.id'] === goalId)!.traceId;
    const inTrace = otlp.spans.filter((s) => s.traceId === goalTrace);
    const names = new Set(inTrace.map((s) => s.name));
    for (const name of [
      'chat scripted',
      'invoke_agent search',
      'invoke_agent ranker',
      'execute_tool search_corpus',
    ])
      expect(names).toContain(name);
    const chat = inTrace.find((s) => s.name === 'chat scripted')!;
    expect(chat.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai-compatible',
      'gen_ai.request.model': 'scripted',
    });
    expect(JSON.stringify(otlp.spans)).not.toContain('sk-e2e-secret');
  }, 120_000);
});

describe('failure paths', () => {
  it('dead-letters output that stays invalid, with the model’s last answer, and a replay after the fix delivers', async () => {
    overrides.ranker = () => ({ kind: 'json', value: { grades: [] } });
    const { goalId } = await runGoal(
      swarm.client,
      'vector database client',
      { wait: false, top: 3, timeout: 90_000 },
      quiet,
    );
    const { final, events } = await finish(swarm.client, goalId, 90_000);
    expect(final.type).toBe('goal.failed');
    expect(final.body['reason']).toMatchObject({ code: 'invalid-model-output' });
    const failed = ofQueue(events, 'task.failed', 'rank')[0]!;
    expect(usageOf(failed)?.calls).toBe(2);
    const record = (await swarm.client.deadLetters('rank')).find((r) => r.goalId === goalId)!;
    expect(record.reason.model).toMatchObject({
      model: 'openai-compatible:scripted',
      promptVersion: 'ranker.grade-relevance@1',
      lastOutput: '{"grades":[]}',
    });
    expect(record.reason.model?.errors.length).toBeGreaterThan(0);

    overrides = {};
    await swarm.client.replayDeadLetter(record.messageId);
    await waitFor(
      async () =>
        (await swarm.client.goalEvents(goalId)).some(
          (m) => (m.body as { type: string }).type === 'goal.completed',
        ),
      {
        timeoutMs: 60_000,
        description: 'the goal completed after the replay',
      },
    );
  }, 150_000);

  it('retries a 429 no sooner than its Retry-After, then delivers', async () => {
    let limited = false;
    overrides.ranker = (request) => {
      if (limited) return validReply(request);
      limited = true;
      return { kind: 'error', status: 429, message: 'rate limited', retryAfterSeconds: 2 };
    };
    const { goalId } = await runGoal(
      swarm.client,
      'agent memory',
      { wait: false, top: 2, id: `ratelimit-${Date.now()}`, timeout: 90_000 },
      quiet,
    );
    const { final, events } = await finish(swarm.client, goalId, 90_000);
    expect(final.body['outcome']).toBe('delivered');
    const failed = ofQueue(events, 'task.failed', 'rank')[0]!;
    expect(failed.body).toMatchObject({
      willRetry: true,
      error: { code: 'model-rate-limited', retryable: true },
    });
    expect(failed.body['retryInMs']).toBeGreaterThanOrEqual(2_000);
  }, 120_000);

  it('fails a goal at once when the model is unknown to the provider', async () => {
    model.knownModels = ['another-model'];
    try {
      const { goalId } = await runGoal(
        swarm.client,
        'agent memory',
        { wait: false, top: 2, id: `unknown-${Date.now()}`, timeout: 60_000 },
        quiet,
      );
      const { final, events } = await finish(swarm.client, goalId, 60_000);
      expect(final.type).toBe('goal.failed');
      expect(final.body['reason']).toMatchObject({ code: 'model-not-found', retryable: false });
      expect(ofQueue(events, 'task.failed', 'search')).toHaveLength(1);
    } finally {
      model.knownModels = undefined;
    }
  }, 90_000);

  it('redelivers the task of an agent SIGKILLed mid-call and counts its usage once', async () => {
    let hung = false;
    overrides.ranker = (request) => {
      if (hung) return validReply(request);
      hung = true;
      return { kind: 'hang' };
    };
    const { goalId } = await runGoal(
      swarm.client,
      'agent memory',
      { wait: false, top: 2, id: `killed-${Date.now()}`, timeout: 90_000 },
      quiet,
    );
    await waitFor(() => hung, { timeoutMs: 60_000, description: 'the ranker mid-call' });
    const victim = swarm.stack.agents.find(
      (agent) => agent.kind === 'ranker' && agent.child.exitCode === null,
    )!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    await swarm.stack.addAgent('ranker');

    const { final, events } = await finish(swarm.client, goalId, 90_000);
    expect(final.body['outcome']).toBe('delivered');
    const claims = ofQueue(events, 'task.claimed', 'rank');
    expect(claims.length).toBe(2);
    const completion = ofQueue(events, 'task.completed', 'rank');
    expect(completion).toHaveLength(1);
    expect(usageOf(completion[0]!)?.calls).toBe(1);
    const rankRecords = (await usageRecords(goalId)).filter((record) => record.queue === 'rank');
    expect(rankRecords).toEqual([
      expect.objectContaining({ deliveryCount: 2, usage: expect.objectContaining({ calls: 1 }) }),
    ]);
  }, 150_000);
});

// After the failure paths, so that every counter has been recorded at least once.
describe('the metrics the agents serve', () => {
  it('are named as docs/observability.md names them, GenAI client metrics included', async () => {
    const served = new Set<string>();
    for (const agent of swarm.stack.agents.filter(
      (a) => a.child.exitCode === null && a.child.signalCode === null,
    )) {
      const port = /health=(\d+)/.exec(agent.lines.find((line) => line.startsWith('READY ')) ?? '')?.[1];
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      for (const match of text.matchAll(/^# TYPE (\S+) (\S+)$/gm))
        served.add(match[2] === 'counter' && !match[1]!.endsWith('_total') ? `${match[1]}_total` : match[1]!);
    }
    const doc = readFileSync(path.join(__dirname, '../../../docs/observability.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Metrics'), doc.indexOf('## Logs'));
    const firstColumns = table.split('\n').map((row) => row.split('|')[1] ?? '');
    const documented = firstColumns.flatMap((cell) =>
      [...cell.matchAll(/`((?:swarm|gen_ai)_[a-z_]+)`/g)].map((match) => match[1]!),
    );
    const ours = [...served].filter((name) => /^(swarm|gen_ai)_/.test(name));
    expect(ours.filter((name) => !documented.includes(name))).toEqual([]);
    // Recorded in this run whatever failed: a documented name that is not served is a wrong name.
    for (const name of [
      'swarm_tasks_processed_total',
      'swarm_task_duration',
      'swarm_handoff_latency',
      'swarm_tasks_in_flight',
      'swarm_consumer_pending',
      'gen_ai_client_token_usage',
      'gen_ai_client_operation_duration',
    ])
      expect({ name, documented: documented.includes(name), served: served.has(name) }).toEqual({
        name,
        documented: true,
        served: true,
      });
  });
});
