import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { CONTEXT_KEYS, UsageRecord } from '@swarm/contracts';
import type { Replica, Scenario } from './harness.js';
import { FAST, openScenario, startReplica } from './harness.js';

// What a task attempt spends on a model (reported with recordModelUsage) lands on its events and, once per
// attempt, in the goal context; an upstream's Retry-After holds the retry back.
let nats: NatsServerHandle;
let scenario: Scenario;
let replica: Replica;

beforeAll(async () => {
  nats = await startNats();
});
afterAll(async () => {
  await nats.stop();
});
beforeEach(async () => {
  scenario = await openScenario(nats.url, uniqueName('USE'));
  replica = await startReplica(nats.url, scenario.prefix, FAST, 'replica-usage');
});
afterEach(async () => {
  await replica.close();
  await scenario.close();
});

const bodies = async (goalId: string, type: string) =>
  (await scenario.events(goalId, type)).map((m) => m.body as Record<string, unknown>);

describe('model usage of a task attempt', () => {
  it('is carried by task.completed and kept once in the goal context', async () => {
    await scenario.publishWork('spend', 'spend/t1', { spendTokens: 120 });
    await waitFor(async () => (await bodies('spend', 'task.completed')).length === 1, {
      description: 'the completion',
    });
    const [completed] = await bodies('spend', 'task.completed');
    expect(completed?.['usage']).toEqual({
      model: 'test:model',
      promptVersions: ['work@1'],
      calls: 1,
      inputTokens: 120,
      outputTokens: 0,
      costUsd: 0,
    });
    const records = await (await scenario.client.goal('spend')).list(CONTEXT_KEYS.usagePrefix, UsageRecord);
    expect(records.map((r) => [r.value.taskId, r.value.deliveryCount, r.value.usage.inputTokens])).toEqual([
      ['spend/t1', 1, 120],
    ]);
  });

  it('is counted per attempt: the failed attempt on task.failed, the retry on task.completed', async () => {
    await scenario.publishWork('retry', 'retry/t1', { spendTokens: 50, failUntilDelivery: 1 });
    await waitFor(async () => (await bodies('retry', 'task.completed')).length === 1, {
      description: 'the completion after one retry',
    });
    const [failed] = await bodies('retry', 'task.failed');
    const [completed] = await bodies('retry', 'task.completed');
    expect(failed?.['usage']).toMatchObject({ calls: 1, inputTokens: 50 });
    expect(completed?.['usage']).toMatchObject({ calls: 1, inputTokens: 50 });
    const records = await (await scenario.client.goal('retry')).list(CONTEXT_KEYS.usagePrefix, UsageRecord);
    expect(records.map((r) => r.value.deliveryCount)).toEqual([1, 2]);
  });

  it('is absent for an attempt that called no model, and nothing is written', async () => {
    await scenario.publishWork('none', 'none/t1', {});
    await waitFor(async () => (await bodies('none', 'task.completed')).length === 1, {
      description: 'the completion',
    });
    const [completed] = await bodies('none', 'task.completed');
    expect(completed).not.toHaveProperty('usage');
    expect(await (await scenario.client.goal('none')).list(CONTEXT_KEYS.usagePrefix)).toEqual([]);
  });
});

describe('a retryable failure with a Retry-After', () => {
  it('is retried no sooner than the upstream asked, beyond the backoff', async () => {
    await scenario.publishWork('later', 'later/t1', { failUntilDelivery: 1, retryAfterMs: 1_500 });
    await waitFor(async () => (await bodies('later', 'task.completed')).length === 1, {
      timeoutMs: 15_000,
      description: 'the completion after the wait',
    });
    const [failed] = await bodies('later', 'task.failed');
    expect(failed).toMatchObject({ willRetry: true, retryInMs: 1_500 });
    const claims = (await scenario.events('later', 'task.claimed')).map((m) =>
      Date.parse(String((m.body as { timestamp: string }).timestamp)),
    );
    expect(claims).toHaveLength(2);
    expect(claims[1]! - claims[0]!).toBeGreaterThanOrEqual(1_400);
  });
});

describe('a replayed dead letter', () => {
  it('gets lifecycle events of its own, so the replay shows in the goal timeline', async () => {
    await scenario.publishWork('again', 'again/t1', { permanentFailure: true });
    const record = await waitFor(
      async () => (await scenario.client.deadLetters()).find((r) => r.taskId === 'again/t1'),
      { description: 'the dead letter' },
    );
    await scenario.client.replayDeadLetter(record.messageId);
    await waitFor(async () => (await bodies('again', 'task.failed')).length === 2, {
      description: 'the replay failing again, visibly',
    });
    const claims = (await bodies('again', 'task.claimed')).map((event) => String(event['messageId']));
    expect(claims).toEqual([
      'again/t1/claimed/1',
      expect.stringMatching(/^again\/t1\/replay\/\d+\/claimed\/1$/),
    ]);
    const records = (await scenario.client.deadLetters()).filter((r) => r.taskId === 'again/t1');
    expect(records).toHaveLength(2);
  });
});
