import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import { buildGoalSubmitted } from '@swarm/contracts';
import type { SwarmClient } from '../src/index.js';
import {
  BudgetExhaustedError,
  GoalBudgetLedger,
  isolatedTopology,
  parseTransportSettings,
  SwarmClient as Client,
} from '../src/index.js';
import { runInTaskScope } from '../src/observability/task-scope.js';
import { withinBudget } from '../src/queue/task-budget.js';
import type { DeadlineHint } from '../src/queue/deadline-hint.js';

let nats: NatsServerHandle;
let client: SwarmClient;

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('TASKBUDGET'));
  client = await Client.connect(parseTransportSettings({ natsUrl: nats.url }), topology, { provision: true });
});

afterAll(async () => {
  await client.close();
  await nats.stop();
});

async function ledgerOf(goalId: string): Promise<GoalBudgetLedger> {
  return new GoalBudgetLedger(await client.goal(goalId), { onExhausted: 'fail' });
}

/** Runs `run` as a task of `goalId` whose payload is `payload`, the way the task runner does. */
function asTask<T>(
  ledger: GoalBudgetLedger,
  payload: object,
  abort: AbortController,
  run: () => Promise<T>,
  hint?: DeadlineHint,
) {
  const scope = { goalId: ledger.goalId, taskId: 't', queue: 'q', budget: ledger };
  return runInTaskScope(scope, () => withinBudget(payload as never, abort, run, hint));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scrapeTask = (goalId: string) => ({ type: 'task.scrape', goalId });
/** A goal whose record is open with `deadlineMs` (or none) from now. */
async function openGoal(deadlineMs?: number): Promise<GoalBudgetLedger> {
  const ledger = await ledgerOf(uniqueName('g'));
  await ledger.open(deadlineMs === undefined ? undefined : { deadlineMs }, Date.now());
  return ledger;
}
const extend = (ledger: GoalBudgetLedger, deadlineMs: number) =>
  ledger.add({ by: 'test', at: new Date().toISOString(), add: {}, deadlineMs });

describe('withinBudget', () => {
  it('opens the goal budget from a goal.submitted task, with its own limits', async () => {
    const goalId = uniqueName('g');
    const ledger = await ledgerOf(goalId);
    const { message } = buildGoalSubmitted(goalId, {
      text: 'find top 5 agentic AI tools',
      budget: { modelCalls: 7, deadlineMs: 600_000 },
    });
    const ran = await asTask(ledger, message, new AbortController(), () => Promise.resolve('ran'));
    expect(ran.result).toBe('ran');
    const record = await ledger.read();
    // The hand-offs carry the deadline the record now holds.
    expect(ran.deadlineHeader).toBe(String(record?.deadlineAt));
    expect(record?.limits.modelCalls).toBe(7);
    expect(record?.deadlineAt).toBe(Date.parse(message.timestamp) + 600_000);
  });

  it('takes no budget from any other task, however much it looks like a goal: the defaults apply', async () => {
    const goalId = uniqueName('g');
    const ledger = await ledgerOf(goalId);
    const { message } = buildGoalSubmitted(goalId, { text: 'x', budget: { modelCalls: 7 } });
    await asTask(ledger, { ...message, type: 'task.scrape' }, new AbortController(), () =>
      Promise.resolve('ran'),
    );
    const record = await ledger.read();
    expect(record?.limits).toEqual({});
    expect(record?.deadlineAt).toBeUndefined();
  });

  it('opens a goal without a record from the defaults at its first task, the deadline counted from it', async () => {
    const goalId = uniqueName('g');
    const ledger = new GoalBudgetLedger(await client.goal(goalId), {
      onExhausted: 'fail',
      deadlineMs: 60_000,
    });
    const before = Date.now();
    const ran = await asTask(ledger, scrapeTask(goalId), new AbortController(), () => Promise.resolve(1));
    const record = await ledger.read();
    expect(record?.deadlineAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(record?.deadlineAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(ran.deadlineHeader).toBe(String(record?.deadlineAt));
  });

  it('aborts the task signal with BudgetExhaustedError when the deadline passes while it runs', async () => {
    const goalId = uniqueName('g');
    const ledger = await ledgerOf(goalId);
    const { message } = buildGoalSubmitted(goalId, { text: 'x', budget: { deadlineMs: 300 } });
    const abort = new AbortController();
    const hung = new Promise<never>(() => undefined);
    await expect(asTask(ledger, message, abort, () => hung)).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(abort.signal.aborted).toBe(true);
    expect(abort.signal.reason).toBeInstanceOf(BudgetExhaustedError);
  });

  it('writes no record for a goal without one when its task fails', async () => {
    const goalId = uniqueName('g');
    const ledger = await ledgerOf(goalId);
    const refused = () => Promise.reject(new Error('not due'));
    await expect(asTask(ledger, scrapeTask(goalId), new AbortController(), refused)).rejects.toThrow(
      'not due',
    );
    expect(await ledger.read()).toBeUndefined();
  });

  it('hands on `none` for a goal without a deadline', async () => {
    const open = await openGoal();
    const none = await asTask(open, scrapeTask(open.goalId), new AbortController(), () => Promise.resolve(1));
    expect(none.deadlineHeader).toBe('none');
  });

  it('starts a task whose hint says the deadline is ahead without reading the record', async () => {
    // A record already past its deadline would refuse the task if read; the hint ahead of now is trusted, since
    // deadlines only move later (this state cannot arise on the bus: it shows the read is skipped).
    const ledger = await openGoal(1);
    await sleep(5);
    const ahead = Date.now() + 60_000;
    const ran = await asTask(
      ledger,
      scrapeTask(ledger.goalId),
      new AbortController(),
      () => Promise.resolve('ran'),
      { kind: 'at', deadlineAt: ahead },
    );
    expect(ran).toEqual({ result: 'ran', deadlineHeader: String(ahead) });
  });

  it('reads the record when the hint has passed: runs when an addition extended the deadline', async () => {
    const ledger = await openGoal(1);
    await sleep(5);
    const stale = (await ledger.read())!.deadlineAt!;
    const extended = await extend(ledger, 60_000);
    const ran = await asTask(
      ledger,
      scrapeTask(ledger.goalId),
      new AbortController(),
      () => Promise.resolve('ran'),
      { kind: 'at', deadlineAt: stale },
    );
    expect(ran).toEqual({ result: 'ran', deadlineHeader: String(extended.deadlineAt) });
  });

  it('refuses a task whose hint has passed when the record says the deadline has too', async () => {
    const ledger = await openGoal(1);
    await sleep(5);
    const stale = (await ledger.read())!.deadlineAt!;
    let ran = false;
    const run = () => {
      ran = true;
      return Promise.resolve();
    };
    await expect(
      asTask(ledger, scrapeTask(ledger.goalId), new AbortController(), run, {
        kind: 'at',
        deadlineAt: stale,
      }),
    ).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(ran).toBe(false);
    expect((await ledger.read())?.exhausted?.shortfall).toBe('deadline');
  });

  it('at the hinted deadline reads the record again: an extended deadline lets the task finish', async () => {
    // Margins wide enough for a loaded machine: the addition must land before the hinted deadline.
    const ledger = await openGoal(1_500);
    const hinted = (await ledger.read())!.deadlineAt!;
    const abort = new AbortController();
    const running = asTask(
      ledger,
      scrapeTask(ledger.goalId),
      abort,
      async () => {
        await sleep(2_500);
        return 'finished';
      },
      { kind: 'at', deadlineAt: hinted },
    );
    await extend(ledger, 60_000);
    await expect(running).resolves.toMatchObject({ result: 'finished' });
    expect(abort.signal.aborted).toBe(false);
  });

  it('aborts a hung task at an extended deadline once it passes', async () => {
    const ledger = await openGoal(1_500);
    const hinted = (await ledger.read())!.deadlineAt!;
    const abort = new AbortController();
    const hung = new Promise<never>(() => undefined);
    const running = asTask(ledger, scrapeTask(ledger.goalId), abort, () => hung, {
      kind: 'at',
      deadlineAt: hinted,
    });
    const extended = await extend(ledger, 500);
    await expect(running).rejects.toBeInstanceOf(BudgetExhaustedError);
    // Not before the extended deadline (the record's clock is this process's).
    expect(Date.now()).toBeGreaterThanOrEqual(extended.deadlineAt!);
    expect(abort.signal.reason).toBeInstanceOf(BudgetExhaustedError);
  });
});
