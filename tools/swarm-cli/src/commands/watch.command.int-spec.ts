import type { Envelope, EventType, GoalFailed, TaskCompleted } from '@swarm/contracts';
import { buildGoalSubmitted, CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import {
  budgetExhaustedEvent,
  GoalBudgetLedger,
  isolatedTopology,
  parseTransportSettings,
  SwarmClient,
} from '@swarm/transport';
import { runWatch } from './watch.command.js';

// `swarm watch` (and `swarm goal --wait`, which ends the same way) prints the goal's budget while it follows,
// each time a model call or a budget event changed it, not only at the end.
let nats: NatsServerHandle;
let client: SwarmClient;

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('WATCHB'));
  client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
});
afterAll(async () => {
  await client.close();
  await nats.stop();
});

const ranker = { queue: 'rank', agent: { kind: 'ranker', instance: 'ranker-1' } };

function envelope(goalId: string, type: EventType, taskId: string): Envelope {
  const { message } = buildGoalSubmitted(goalId, { text: 'paid goal' });
  const { goal: _goal, type: _type, ...base } = message;
  return { ...base, messageId: `${goalId}/${type}`, taskId, causationId: taskId };
}

async function emit(message: Envelope & { type: EventType }): Promise<void> {
  await client.publish({ subject: client.topology.eventSubject(message.goalId, message.type), message });
}

describe('swarm watch', () => {
  it('prints the budget line when a model call spent from it and when it ran out, then the whole budget', async () => {
    const goalId = uniqueName('paid');
    const taskId = `${goalId}/rank`;
    const goal = await client.goal(goalId);
    const ledger = new GoalBudgetLedger(goal, { onExhausted: 'fail' });
    await emit(buildGoalSubmitted(goalId, { text: 'paid goal' }).message);
    await ledger.open({ modelCalls: 1, onExhausted: 'fail' }, Date.now());
    await ledger.reserve('call-1', { costUsd: 0, tokens: 10, modelCalls: 1 });
    await ledger.settle('call-1', { costUsd: 0, tokens: 10, modelCalls: 1 });
    const usage = { model: 'm:1', promptVersions: [], calls: 1, inputTokens: 5, outputTokens: 5, costUsd: 0 };
    const completed: TaskCompleted = {
      type: 'task.completed',
      ...envelope(goalId, 'task.completed', taskId),
      ...ranker,
      durationMs: 5,
      output: {},
      emitted: [],
      usage,
    };
    await emit(completed);
    await ledger.exhaust('modelCalls budget 1 cannot cover the next call', 'modelCalls');
    const task = { goalId, taskId, messageId: taskId, ...ranker, attempt: 1 };
    await emit(budgetExhaustedEvent(task, (await ledger.read())!, new Date()));
    const failed: GoalFailed = {
      type: 'goal.failed',
      ...envelope(goalId, 'goal.failed', taskId),
      ...ranker,
      reason: { code: 'budget-exhausted', message: 'out of budget', retryable: false },
      deadLetterId: null,
    };
    await goal.create(CONTEXT_KEYS.end('rank'), {
      type: failed.type,
      messageId: failed.messageId,
      at: new Date().toISOString(),
    });
    await emit(failed);

    const printed: string[] = [];
    await runWatch(client, goalId, { timeoutMs: 20_000 }, (line) => printed.push(...line.split('\n')));
    const live = printed.filter((line) => line.startsWith('          budget    '));
    expect(live).toEqual([
      '          budget    cost $0.0000 (no limit) · tokens 10 (no limit) · calls 1 of 1 (0 left); exhausted (modelCalls)',
    ]);
    const exhaustedLine = printed.findIndex((line) => line.includes('BUDGET EXHAUSTED (modelCalls)'));
    expect(exhaustedLine).toBeGreaterThan(-1);
    expect(printed[exhaustedLine]).toMatch(/; the goal fails$/);
    const finalBudget = printed.findIndex((line) => line.startsWith('budget    '));
    expect(printed.indexOf(live[0]!)).toBeLessThan(finalBudget);
  });
});
