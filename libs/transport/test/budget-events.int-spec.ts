import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { addToGoalBudget, GoalBudgetLedger } from '../src/index.js';
import type { Replica, Scenario } from './harness.js';
import { FAST, openScenario, startReplica } from './harness.js';

// A goal's budget running out is an event of its own, published once by the replica whose compare-and-set marked
// the record, and a human's addition is one too, before the parked tasks it resumes run again.
let nats: NatsServerHandle;
let scenario: Scenario;
let replicas: Replica[];
const TASKS = 8;

beforeAll(async () => {
  nats = await startNats();
  scenario = await openScenario(nats.url, uniqueName('BEVT'));
  replicas = await Promise.all(
    ['budget-a', 'budget-b', 'budget-c'].map((id) => startReplica(nats.url, scenario.prefix, FAST, id)),
  );
});
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  await scenario.close();
  await nats.stop();
});

const bodies = async (goalId: string, type: string) =>
  (await scenario.events(goalId, type)).map((m) => m.body as Record<string, unknown>);
const parkedCount = async (goalId: string) =>
  (await bodies(goalId, 'task.failed')).filter((b) => b['deadLetterId'] !== null).length;

describe('budget.exhausted and budget.added', () => {
  it('publishes one budget.exhausted for racing replicas, then resumes the parked tasks after budget.added', async () => {
    const goalId = uniqueName('paused');
    const ledger = new GoalBudgetLedger(await scenario.client.goal(goalId), { onExhausted: 'fail' });
    await ledger.open({ modelCalls: 3, onExhausted: 'pause' }, Date.now());
    await Promise.all(
      Array.from({ length: TASKS }, (_, i) =>
        scenario.publishWork(goalId, `${goalId}/t${i}`, { reserveModelCalls: 1, ms: 50 }),
      ),
    );
    await waitFor(
      async () => (await bodies(goalId, 'task.completed')).length + (await parkedCount(goalId)) === TASKS,
      { description: 'every task completed or parked', timeoutMs: 20_000 },
    );
    expect((await bodies(goalId, 'task.completed')).length).toBe(3);
    const exhausted = await bodies(goalId, 'budget.exhausted');
    expect(exhausted).toEqual([
      expect.objectContaining({
        messageId: `${goalId}/budget.exhausted/1`,
        exhaustion: 1,
        shortfall: 'modelCalls',
        policy: 'pause',
        limits: { modelCalls: 3 },
        // Spent and reserved when it ran out: a racing call may still have been settling.
        left: { modelCalls: 0 },
        resumeHint: `swarm budget ${goalId} --add calls=3`,
        agent: expect.objectContaining({ kind: 'worker' }),
      }),
    ]);

    const { resumed, event, announced } = await addToGoalBudget(
      scenario.client,
      goalId,
      { by: 'alice', add: { modelCalls: TASKS - 3 } },
      { onExhausted: 'fail' },
    );
    expect(resumed).toHaveLength(TASKS - 3);
    expect(announced).toBe(true);
    await waitFor(async () => (await bodies(goalId, 'task.completed')).length === TASKS, {
      description: 'the resumed tasks completed',
      timeoutMs: 20_000,
    });
    expect(await bodies(goalId, 'budget.added')).toEqual([
      expect.objectContaining({
        messageId: `${goalId}/budget.added/1`,
        causationId: `${goalId}/budget.exhausted/1`,
        by: 'alice',
        add: { modelCalls: TASKS - 3 },
        limits: { modelCalls: TASKS },
        cleared: expect.stringMatching(/modelCalls budget 3 cannot cover/),
        resumed: [...resumed],
      }),
    ]);
    expect(event?.resumed).toEqual(resumed);
    const order = (await scenario.events(goalId)).map((m) => (m.body as { type: string }).type);
    const lastCompleted = order.lastIndexOf('task.completed');
    expect(order.indexOf('budget.exhausted')).toBeLessThan(order.indexOf('budget.added'));
    expect(order.indexOf('budget.added')).toBeLessThan(lastCompleted);
    expect((await bodies(goalId, 'budget.exhausted')).length).toBe(1);
  });

  it('adds a retried addition once: the same key from the same person adds, announces and resumes nothing', async () => {
    const goalId = uniqueName('retried');
    await new GoalBudgetLedger(await scenario.client.goal(goalId), { onExhausted: 'fail' }).open(
      { modelCalls: 2 },
      Date.now(),
    );
    const add = (by: string) =>
      addToGoalBudget(
        scenario.client,
        goalId,
        { by, add: { modelCalls: 3 }, key: 'retry-1' },
        { onExhausted: 'fail' },
      );
    const first = await add('alice');
    const again = await add('alice');
    expect(first.repeated).toBe(false);
    expect(again).toMatchObject({ repeated: true, resumed: [], event: undefined, announced: false });
    expect(again.record.limits.modelCalls).toBe(5);
    expect(again.record.additions).toHaveLength(1);
    // The key is scoped by who adds: another person's addition under the same key is their own.
    const other = await add('bob');
    expect(other.repeated).toBe(false);
    expect(other.record.limits.modelCalls).toBe(8);
    expect((await bodies(goalId, 'budget.added')).map((b) => b['by'])).toEqual(['alice', 'bob']);
  });

  it('resumes a task at once when an addition landed while it was being parked (the addition found nothing)', async () => {
    const goalId = uniqueName('raced');
    const ledger = new GoalBudgetLedger(await scenario.client.goal(goalId), { onExhausted: 'fail' });
    await ledger.open({ modelCalls: 1, onExhausted: 'pause' }, Date.now());
    // The second reservation is refused; the handler then adds 5 calls (as an operator racing the parking
    // would) and fails: the task is parked after the addition, which resumed nothing.
    await scenario.publishWork(goalId, `${goalId}/t`, { reserveModelCalls: 2, topUpWhenExhausted: 5 });
    await waitFor(async () => (await bodies(goalId, 'task.completed')).length === 1, {
      description: 'the parked task resumed itself and completed',
      timeoutMs: 20_000,
    });
    const [parked] = (await scenario.client.deadLetters()).filter((record) => record.goalId === goalId);
    expect(parked?.reason.code).toBe('budget-exhausted');
    const record = await ledger.read();
    expect(record?.additions).toEqual([
      expect.objectContaining({
        by: 'racing-operator',
        add: { modelCalls: 5 },
        resumed: [parked!.messageId],
      }),
    ]);
    expect(record?.exhausted).toBeUndefined();
    // Resumed once: one completion and one hand-off, and a later addition does not resume it again.
    const again = await addToGoalBudget(
      scenario.client,
      goalId,
      { by: 'alice', add: { modelCalls: 1 } },
      { onExhausted: 'fail' },
    );
    expect(again.resumed).toEqual([]);
    expect((await bodies(goalId, 'task.completed')).length).toBe(1);
  });
});
