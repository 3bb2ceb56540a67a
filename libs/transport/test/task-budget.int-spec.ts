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
function asTask<T>(ledger: GoalBudgetLedger, payload: object, abort: AbortController, run: () => Promise<T>) {
  const scope = { goalId: ledger.goalId, taskId: 't', queue: 'q', budget: ledger };
  return runInTaskScope(scope, () => withinBudget(payload as never, abort, run));
}

describe('withinBudget', () => {
  it('opens the goal budget from a goal.submitted task, with its own limits', async () => {
    const goalId = uniqueName('g');
    const ledger = await ledgerOf(goalId);
    const { message } = buildGoalSubmitted(goalId, {
      text: 'find top 5 agentic AI tools',
      budget: { modelCalls: 7, deadlineMs: 600_000 },
    });
    await expect(asTask(ledger, message, new AbortController(), () => Promise.resolve('ran'))).resolves.toBe(
      'ran',
    );
    const record = await ledger.read();
    expect(record?.limits.modelCalls).toBe(7);
    expect(record?.deadlineAt).toBe(Date.parse(message.timestamp) + 600_000);
  });

  it('opens no budget for any other task, however much it looks like a goal', async () => {
    const goalId = uniqueName('g');
    const ledger = await ledgerOf(goalId);
    const { message } = buildGoalSubmitted(goalId, { text: 'x', budget: { modelCalls: 7 } });
    await asTask(ledger, { ...message, type: 'task.scrape' }, new AbortController(), () =>
      Promise.resolve('ran'),
    );
    expect(await ledger.read()).toBeUndefined();
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
});
