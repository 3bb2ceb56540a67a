import type { BudgetAmounts, BudgetRecord } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { SwarmClient } from '../src/index.js';
import {
  BudgetExhaustedError,
  BudgetOverCeilingError,
  GoalBudgetLedger,
  isolatedTopology,
  parseTransportSettings,
  SwarmClient as Client,
} from '../src/index.js';
import { buildGoalSubmitted } from '@swarm/contracts';

let nats: NatsServerHandle;
let clients: SwarmClient[];
const REPLICAS = 8;
const ESTIMATE: BudgetAmounts = { costUsd: 0.01, tokens: 1_000, modelCalls: 1 };

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('BUDGET'));
  const settings = parseTransportSettings({ natsUrl: nats.url, casMaxAttempts: 500 });
  clients = [await Client.connect(settings, topology, { provision: true })];
  for (let i = 1; i < REPLICAS; i++) clients.push(await Client.connect(settings, topology));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await nats.stop();
});

async function ledgers(goalId: string): Promise<GoalBudgetLedger[]> {
  const contexts = await Promise.all(clients.map((client) => client.goal(goalId)));
  return contexts.map((goal) => new GoalBudgetLedger(goal, { onExhausted: 'fail' }));
}

/** One replica making calls until the budget refuses one: reserve, "call", settle with `actual(n)`. */
async function spendUntilRefused(
  ledger: GoalBudgetLedger,
  replica: number,
  actual: (n: number) => BudgetAmounts,
) {
  for (let n = 0; ; n++) {
    try {
      await ledger.reserve(`r${replica}-${n}`, ESTIMATE);
    } catch (error) {
      if (error instanceof BudgetExhaustedError) return n;
      throw error;
    }
    await ledger.settle(`r${replica}-${n}`, actual(n));
  }
}

describe('goal budget across replicas', () => {
  it('never lets 8 racing replicas spend past the budget when calls use what they reserved', async () => {
    const racers = await ledgers('race-exact');
    await racers[0]!.open({ costUsd: 0.25, tokens: 1_000_000 }, Date.now());
    const calls = await Promise.all(racers.map((ledger, i) => spendUntilRefused(ledger, i, () => ESTIMATE)));
    const record = (await racers[0]!.read())!;
    expect(record.spent.costUsd).toBeLessThanOrEqual(0.25);
    expect(record.spent.modelCalls).toBe(25);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(25);
    expect(record.reservations).toEqual({});
    expect(record.exhausted?.reason).toMatch(/costUsd budget 0.25/);
  });

  it('keeps the overspend of racing replicas to the excess of the calls in flight when calls use more than they reserved', async () => {
    const racers = await ledgers('race-over');
    await racers[0]!.open({ tokens: 50_000 }, Date.now());
    // Every third call uses 40% more tokens than its estimate: reservations never pass the budget, so only the
    // excess of the calls already admitted can push past it, at most one call per replica in flight.
    const EXCESS = 400;
    const actual = (n: number): BudgetAmounts => ({
      ...ESTIMATE,
      tokens: n % 3 === 0 ? ESTIMATE.tokens + EXCESS : ESTIMATE.tokens,
    });
    await Promise.all(racers.map((ledger, i) => spendUntilRefused(ledger, i, actual)));
    const record = (await racers[0]!.read())!;
    expect(record.spent.tokens).toBeLessThanOrEqual(50_000 + REPLICAS * EXCESS);
    expect(record.spent.tokens).toBeGreaterThan(50_000 - ESTIMATE.tokens);
    expect(record.reservations).toEqual({});
  });

  it('refuses the next call until a human adds to the budget, then grants it', async () => {
    const [ledger] = await ledgers('add');
    await ledger!.open({ modelCalls: 1, onExhausted: 'pause' }, Date.now());
    await ledger!.reserve('a', ESTIMATE);
    await expect(ledger!.reserve('b', ESTIMATE)).rejects.toMatchObject({
      code: 'budget-exhausted',
      policy: 'pause',
      retryable: false,
    });
    const added = await ledger!.add({ by: 'alice', at: new Date().toISOString(), add: { modelCalls: 1 } });
    expect(added.additions).toEqual([expect.objectContaining({ by: 'alice' })]);
    await expect(ledger!.reserve('b', ESTIMATE)).resolves.toBeUndefined();
  });

  it('refuses every task of a goal whose deadline has passed', async () => {
    const [ledger] = await ledgers('late');
    await ledger!.open({ deadlineMs: 1 }, Date.now() - 1_000);
    await expect(ledger!.checkDeadline()).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect((await ledger!.read())?.exhausted?.reason).toMatch(/deadline passed/);
  });
});

describe('the door and the budget ceiling', () => {
  it('refuses a goal asking for more than the ceiling and publishes nothing', async () => {
    const { topology } = isolatedTopology(uniqueName('CEIL'));
    const settings = parseTransportSettings({ natsUrl: nats.url, budgetMaxCostUsd: 1 });
    const client = await Client.connect(settings, topology, { provision: true });
    try {
      const goalId = uniqueName('rich');
      const { message } = buildGoalSubmitted(goalId, { text: 'rich goal', budget: { costUsd: 2 } });
      const subject = topology.eventSubject(goalId, 'goal.submitted');
      const refused = client.submitGoal({ subject, message });
      await expect(refused).rejects.toBeInstanceOf(BudgetOverCeilingError);
      await expect(refused).rejects.toThrow(/costUsd 2 > 1/);
      expect(await client.goalEvents(goalId)).toEqual([]);
      const fits = buildGoalSubmitted(goalId, { text: 'modest goal', budget: { costUsd: 1 } });
      await expect(client.submitGoal({ subject, message: fits.message })).resolves.toMatchObject({
        duplicate: false,
      });
    } finally {
      await client.close();
    }
  });
});

describe('the exhausted mark', () => {
  it('is announced by exactly one of 8 racing replicas, with the record its write stored', async () => {
    const contexts = await Promise.all(clients.map((client) => client.goal('race-announce')));
    const told: BudgetRecord[] = [];
    const racers = contexts.map(
      (goal) =>
        new GoalBudgetLedger(goal, { onExhausted: 'fail' }, Date.now, (record) => {
          told.push(record);
          return Promise.resolve();
        }),
    );
    await racers[0]!.open({ modelCalls: 10, onExhausted: 'pause' }, Date.now());
    await Promise.all(racers.map((ledger, i) => spendUntilRefused(ledger, i, () => ESTIMATE)));
    expect(told).toHaveLength(1);
    expect(told[0]?.exhausted).toMatchObject({ shortfall: 'modelCalls' });
    expect(told[0]?.spent.modelCalls).toBeLessThanOrEqual(10);
  });

  it('is announced again after an addition clears it, and a passed deadline is named as such', async () => {
    const told: BudgetRecord[] = [];
    const ledger = new GoalBudgetLedger(
      await clients[0]!.goal('again'),
      { onExhausted: 'fail' },
      Date.now,
      (r) => {
        told.push(r);
        return Promise.resolve();
      },
    );
    await ledger.open({ modelCalls: 0, deadlineMs: 60_000 }, Date.now());
    await expect(ledger.reserve('a', ESTIMATE)).rejects.toBeInstanceOf(BudgetExhaustedError);
    await expect(ledger.reserve('b', ESTIMATE)).rejects.toBeInstanceOf(BudgetExhaustedError);
    await ledger.add({ by: 'alice', at: new Date().toISOString(), add: { modelCalls: 1 } });
    await ledger.exhaust('the deadline passed', 'deadline');
    expect(told.map((record) => [record.additions.length, record.exhausted?.shortfall])).toEqual([
      [0, 'modelCalls'],
      [1, 'deadline'],
    ]);
  });
});

describe('resuming a parked task', () => {
  it('lets a parked task claim its own resume once the record is no longer exhausted, and only once', async () => {
    const [ledger] = await ledgers(uniqueName('claim'));
    await ledger!.open({ modelCalls: 1, onExhausted: 'pause' }, Date.now());
    await ledger!.exhaust('ran out', 'modelCalls');
    // Exhausted: the next addition resumes it, not the task.
    expect(await ledger!.claimResume('dlq/S/1')).toBe(false);
    const at = new Date().toISOString();
    await ledger!.record({ by: 'alice', at, add: { modelCalls: 1 } });
    expect(await ledger!.claimResume('dlq/S/1')).toBe(true);
    expect(await ledger!.claimResume('dlq/S/1')).toBe(false);
    // An addition whose scan saw the dead letter before the claim does not resume it a second time.
    const next = await ledger!.record({
      by: 'bob',
      at,
      add: { modelCalls: 1 },
      resumed: ['dlq/S/1', 'dlq/S/2'],
    });
    expect(next.addition.resumed).toEqual(['dlq/S/2']);
    expect(next.record.additions.map((addition) => addition.resumed)).toEqual([['dlq/S/1'], ['dlq/S/2']]);
  });
});
