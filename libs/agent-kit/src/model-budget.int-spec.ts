import type { BudgetPolicy, GoalBudget } from '@swarm/contracts';
import type { ModelClient } from '@swarm/models';
import { parseModelSettings } from '@swarm/models';
import { Echo, ECHO_PROMPT, mustEcho } from '@swarm/models/testing';
import type { NatsServerHandle, ScriptedModelServer } from '@swarm/testing';
import { startNats, startScriptedModelServer, uniqueName } from '@swarm/testing';
import {
  currentTaskUsage,
  GoalBudgetLedger,
  isolatedTopology,
  parseTransportSettings,
  runInTaskScope,
  SwarmClient,
} from '@swarm/transport';
import { createAgentModelClient } from './agent-model.js';

let nats: NatsServerHandle;
let server: ScriptedModelServer;
let client: SwarmClient;
let model: ModelClient;

beforeAll(async () => {
  nats = await startNats();
  server = await startScriptedModelServer({ apiKey: 'sk-test', knownModels: ['scripted'] });
  const { topology } = isolatedTopology(uniqueName('MBUDGET'));
  client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
  const settings = parseModelSettings({
    SWARM_MODEL: 'openai-compatible:scripted',
    SWARM_MODEL_BASE_URL: `${server.url}/v1`,
    SWARM_MODEL_API_KEY: 'sk-test',
    SWARM_MODEL_MAX_OUTPUT_TOKENS: '500',
    SWARM_MODEL_MAX_CORRECTIONS: '0',
    SWARM_MODEL_PRICE_INPUT_PER_MTOK: '1',
    SWARM_MODEL_PRICE_OUTPUT_PER_MTOK: '2',
  });
  model = (await createAgentModelClient(settings))!;
});

afterAll(async () => {
  await client.close();
  await server.close();
  await nats.stop();
});

/** Opens a goal's budget in the bus and runs one echo call of a task of that goal, with the builtin as fallback. */
async function echoWithin(budget: GoalBudget, policy: BudgetPolicy) {
  const goalId = uniqueName('g');
  const ledger = new GoalBudgetLedger(await client.goal(goalId), { onExhausted: policy });
  await ledger.open(budget, Date.now());
  const scope = { goalId, taskId: `${goalId}/rank`, queue: 'rank', budget: ledger };
  const outcome = await runInTaskScope(scope, async () => {
    const answer = await model
      .withFallback(
        () =>
          model.generateChecked({
            prompt: ECHO_PROMPT,
            input: { word: 'swarm' },
            schema: Echo,
            validate: mustEcho('swarm'),
          }),
        () => ({ echo: 'builtin' }),
      )
      .catch((error: unknown) => error);
    return { answer, usage: currentTaskUsage() };
  });
  return { ...outcome, record: (await ledger.read())! };
}

describe('a model call within its goal budget', () => {
  it('reserves before the call and settles the real usage into the goal budget in the bus', async () => {
    server.enqueue({ kind: 'json', value: { echo: 'swarm' }, usage: { input: 1_000, output: 500 } });
    const { answer, record } = await echoWithin({ tokens: 10_000 }, 'fail');
    expect(answer).toEqual({ echo: 'swarm' });
    expect(record.spent).toEqual({ tokens: 1_500, modelCalls: 1, costUsd: 0.002 });
    expect(record.reservations).toEqual({});
  });

  it('fail: never sends the call the budget cannot cover and ends with budget-exhausted', async () => {
    const before = server.requests.length;
    const { answer, record } = await echoWithin({ tokens: 100 }, 'fail');
    expect(answer).toMatchObject({ code: 'budget-exhausted', policy: 'fail', retryable: false });
    expect(server.requests.length).toBe(before);
    expect(record.spent.modelCalls).toBe(0);
    expect(record.exhausted?.reason).toMatch(/tokens budget 100 cannot cover/);
  });

  it('degrade: answers with the builtin brain and records that the budget ran out', async () => {
    const before = server.requests.length;
    const { answer, usage } = await echoWithin({ modelCalls: 0 }, 'degrade');
    expect(answer).toEqual({ echo: 'builtin' });
    expect(server.requests.length).toBe(before);
    expect(usage?.fallback).toMatch(/^budget-exhausted: /);
  });
});
