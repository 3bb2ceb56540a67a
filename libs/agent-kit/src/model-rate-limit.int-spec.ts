import type { ModelClient } from '@swarm/models';
import { parseModelSettings } from '@swarm/models';
import { Echo, ECHO_PROMPT, mustEcho } from '@swarm/models/testing';
import type { NatsServerHandle, ScriptedModelServer } from '@swarm/testing';
import { startNats, startScriptedModelServer, uniqueName } from '@swarm/testing';
import type { BusTopology, RateLimitStore as Store } from '@swarm/transport';
import {
  GoalBudgetLedger,
  isolatedTopology,
  parseTransportSettings,
  RateLimitStore,
  runInTaskScope,
  SwarmClient,
} from '@swarm/transport';
import { createAgentModelClient } from './agent-model.js';

/** The fixed clock of the stores these tests book on: every booking happens "now", so states are exact. */
const T0 = 1_700_000_000_000;

let nats: NatsServerHandle;
let server: ScriptedModelServer;
let client: SwarmClient;
let topology: BusTopology;

beforeAll(async () => {
  nats = await startNats();
  server = await startScriptedModelServer({ apiKey: 'sk-test', knownModels: ['scripted'] });
  topology = isolatedTopology(uniqueName('MRATE')).topology;
  client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
  await nats.stop();
});

/** A model client limited as `env` says, on a limiter key of its own. */
async function limitedModel(env: Record<string, string>): Promise<{ model: ModelClient; key: string }> {
  const key = uniqueName('k');
  const settings = parseModelSettings({
    SWARM_MODEL: 'openai-compatible:scripted',
    SWARM_MODEL_BASE_URL: `${server.url}/v1`,
    SWARM_MODEL_API_KEY: 'sk-test',
    SWARM_MODEL_MAX_OUTPUT_TOKENS: '500',
    SWARM_MODEL_MAX_CORRECTIONS: '0',
    SWARM_MODEL_RATE_LIMIT_KEY: key,
    ...env,
  });
  return { model: (await createAgentModelClient(settings))!, key };
}

/** A replica's store on its own connection to the bus. */
async function replicaStore(now?: () => number): Promise<{ store: Store; close: () => Promise<void> }> {
  const replica = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology);
  const store = await RateLimitStore.open(replica.bus, topology.rateLimitsBucket, 25, now);
  return { store, close: () => replica.close() };
}

/** One echo call as a task of a goal of its own would make it, booking from `store`; the error when it fails. */
async function echo(model: ModelClient, store: Store, signal?: AbortSignal) {
  const goalId = uniqueName('g');
  const budget = new GoalBudgetLedger(await client.goal(goalId), { onExhausted: 'fail' });
  const scope = { goalId, taskId: `${goalId}/rank`, queue: 'rank', budget, rateLimits: store };
  const answer = await runInTaskScope(scope, () =>
    model.generateChecked({
      prompt: ECHO_PROMPT,
      input: { word: 'swarm' },
      schema: Echo,
      validate: mustEcho('swarm'),
      ...(signal ? { signal } : {}),
    }),
  ).catch((error: unknown) => error);
  return { answer, budget: await budget.read() };
}

describe('a model call under a swarm-wide rate limit', () => {
  it('books its token estimate before the call and settles the real usage after', async () => {
    const { model, key } = await limitedModel({ SWARM_MODEL_RATE_LIMIT_TPM: '60000' });
    const { store, close } = await replicaStore(() => T0);
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 40, output: 10 } });
    const { answer } = await echo(model, store);
    expect(answer).toEqual({ echo: 'swarm' });
    // 60000 tokens a minute is one token a millisecond: 50 tokens used hold the limit for 50 ms, not the estimate.
    expect(await store.read(key)).toEqual({ tokensAt: T0 + 50 });
    await close();
  });

  it('fails retryable, sending nothing and giving the budget back, when its slot is past the max wait', async () => {
    const { model, key } = await limitedModel({
      SWARM_MODEL_RATE_LIMIT_RPM: '60',
      SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS: '500',
    });
    const { store, close } = await replicaStore(() => T0);
    server.enqueue({ kind: 'json', value: { echo: 'swarm' } });
    expect((await echo(model, store)).answer).toEqual({ echo: 'swarm' });
    const before = server.requests.length;
    const { answer, budget } = await echo(model, store);
    expect(answer).toMatchObject({ code: 'model-rate-limit-wait', retryable: true, retryAfterMs: 1_000 });
    expect(server.requests.length).toBe(before);
    expect(budget?.reservations).toEqual({});
    expect(budget?.spent.modelCalls).toBe(0);
    expect(await store.read(key)).toEqual({ requestsAt: T0 + 1_000 });
    await close();
  });

  it('pauses every replica on the key after a 429 with Retry-After', async () => {
    const env = { SWARM_MODEL_RATE_LIMIT_RPM: '6000', SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS: '1000' };
    const { model, key } = await limitedModel(env);
    const first = await replicaStore(() => T0);
    server.enqueue({ kind: 'error', status: 429, message: 'slow down', retryAfterSeconds: 2 });
    expect((await echo(model, first.store)).answer).toMatchObject({
      code: 'model-rate-limited',
      retryable: true,
    });
    expect((await first.store.read(key))?.pausedUntil).toBe(T0 + 2_000);
    // Another replica, on its own connection, sends nothing before the pause ends.
    const other = await replicaStore(() => T0 + 500);
    const sameKey = await createAgentModelClient(model.target);
    const before = server.requests.length;
    const { answer } = await echo(sameKey!, other.store);
    expect(answer).toMatchObject({ code: 'model-rate-limit-wait', retryable: true, retryAfterMs: 1_500 });
    expect(server.requests.length).toBe(before);
    await first.close();
    await other.close();
  });

  it('stops waiting for its slot when the task is aborted, and sends nothing', async () => {
    const { model } = await limitedModel({
      SWARM_MODEL_RATE_LIMIT_RPM: '1',
      SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS: '600000',
    });
    const { store, close } = await replicaStore();
    server.enqueue({ kind: 'json', value: { echo: 'swarm' } });
    expect((await echo(model, store)).answer).toEqual({ echo: 'swarm' });
    const before = server.requests.length;
    const abort = new AbortController();
    const waiting = echo(model, store, abort.signal);
    setTimeout(() => abort.abort(new Error('task abandoned')), 200);
    const { answer, budget } = await waiting;
    expect(answer).toBeInstanceOf(Error);
    expect(server.requests.length).toBe(before);
    expect(budget?.reservations).toEqual({});
    await close();
  });
});
