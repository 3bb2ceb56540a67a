import { exampleMessage } from '@swarm/contracts/testing';
import { uniqueName, waitFor } from '@swarm/testing';
import type { RunningGateway } from '../src/index.js';
import type { ConsoleStack } from '../src/testing/console-stack.js';
import { startConsoleStack } from '../src/testing/console-stack.js';
import { call, readSse, TOKEN_ENTRIES, TOKENS } from './gateway-fixture.js';

// NATS, the docs server and the four real agents (one process each, from their dist/), the gateway in-process
// with a ceiling of 50 model calls per goal.
let stack: ConsoleStack;
let gateway: RunningGateway;

/** How long a goal may take to pause or to run through the four agents on a busy machine. */
const GOAL_TIMEOUT_MS = 120_000;
/** A test: a goal paused and resumed through the four agents. */
const TEST_TIMEOUT_MS = 2 * GOAL_TIMEOUT_MS;

beforeAll(async () => {
  stack = await startConsoleStack(process.env, {
    GATEWAY_TOKENS: JSON.stringify(TOKEN_ENTRIES),
    SWARM_BUDGET_MAX_MODEL_CALLS: '50',
  });
  gateway = stack.gateway;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

type Budget = {
  exhausted?: unknown;
  deadlineAt?: string;
  additions: { by: string; deadlineMs?: number; add: Record<string, number>; resumed: number }[];
};
const goalView = async (goalId: string) =>
  (await (await call(gateway, `/api/v1/goals/${goalId}`, { token: TOKENS.viewer })).json()) as {
    state: string;
    budget?: Budget;
  };
const addBudget = (goalId: string, body: unknown, token: string = TOKENS.operator) =>
  call(gateway, `/api/v1/goals/${goalId}/budget`, { token, body });

/**
 * A goal the real agents paused: its deadline (1 ms) passed before search ran, under the policy `pause`, so search
 * parked its task (a dead letter with reason `budget-exhausted`).
 */
async function pausedGoal(): Promise<string> {
  const submitted = await call(gateway, '/api/v1/goals', {
    token: TOKENS.submitter,
    body: { text: 'agent frameworks', topN: 3, budget: { deadlineMs: 1, onExhausted: 'pause' } },
  });
  expect(submitted.status).toBe(201);
  const { goalId } = (await submitted.json()) as { goalId: string };
  await waitFor(async () => (await goalView(goalId)).state === 'awaiting-budget' || undefined, {
    timeoutMs: GOAL_TIMEOUT_MS,
    description: `goal ${goalId} awaiting budget`,
  });
  // budget.exhausted is published as the record is marked, just before the task is parked: wait for the parking.
  await waitFor(
    async () =>
      (await stack.client.deadLetters()).some(
        (record) => record.goalId === goalId && record.reason.code === 'budget-exhausted',
      ) || undefined,
    { timeoutMs: GOAL_TIMEOUT_MS, description: `the parked task of ${goalId}` },
  );
  return goalId;
}

describe('POST /api/v1/goals/{goalId}/budget', () => {
  it(
    'adds to a paused goal as the operator via the gateway, resumes its parked task, and the goal completes',
    async () => {
      const goalId = await pausedGoal();
      const answer = await addBudget(goalId, { deadlineMs: 600_000 });
      expect(answer.status).toBe(200);
      const budget = (await answer.json()) as Budget;
      expect(budget.exhausted).toBeUndefined();
      expect(Date.parse(budget.deadlineAt!)).toBeGreaterThan(Date.now());
      expect(budget.additions).toEqual([
        { by: 'otto via gateway', at: expect.any(String), add: {}, deadlineMs: 600_000, resumed: 1 },
      ]);
      expect((await goalView(goalId)).budget).toEqual(budget);

      const events = await readSse(
        await call(gateway, `/api/v1/goals/${goalId}/events`, { token: TOKENS.viewer }),
        (event) => event.event === 'end',
      );
      const added = events.find((event) => event.event === 'budget.added');
      expect(JSON.parse(added!.data)).toMatchObject({ by: 'otto via gateway' });
      expect(events.at(-2)).toMatchObject({ event: 'goal.completed' });

      const again = await addBudget(goalId, { add: { modelCalls: 1 } });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'goal-ended', state: 'completed' });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses viewers, submitters and approvers with 403, bad bodies with 400 and too much with 422',
    async () => {
      const goalId = await pausedGoal();
      for (const token of [TOKENS.viewer, TOKENS.submitter, TOKENS.approver]) {
        const refused = await addBudget(goalId, { add: { modelCalls: 1 } }, token);
        expect(refused.status).toBe(403);
        expect(await refused.json()).toMatchObject({ code: 'forbidden', role: 'operator' });
      }
      for (const body of [
        {},
        { add: { costUsd: -1 } },
        { add: { modelCalls: 1.5 } },
        { add: { tokens: 1 }, by: 'x' },
      ]) {
        const bad = await addBudget(goalId, body);
        expect(bad.status).toBe(400);
        expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await bad.json()).toMatchObject({ code: 'invalid-request', issues: expect.any(Array) });
      }
      const over = await addBudget(goalId, { add: { modelCalls: 51 } });
      expect(over.status).toBe(422);
      expect(await over.json()).toMatchObject({ code: 'budget-over-ceiling', over: ['modelCalls 51 > 50'] });
      const view = await goalView(goalId);
      expect(view.state).toBe('awaiting-budget');
      expect(view.budget?.additions).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'adds a retried request once under the same Idempotency-Key, and refuses a malformed key with 400',
    async () => {
      const goalId = await pausedGoal();
      const withKey = (key: string) =>
        call(gateway, `/api/v1/goals/${goalId}/budget`, {
          token: TOKENS.operator,
          body: { deadlineMs: 600_000 },
          headers: { 'idempotency-key': key },
        });
      const malformed = await withKey('not a key!');
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ code: 'invalid-request' });

      const first = await withKey('top-up-1');
      expect(first.status).toBe(200);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const retried = await withKey('top-up-1');
      expect(retried.status).toBe(200);
      expect(retried.headers.get('idempotent-replayed')).toBe('true');
      const budget = (await retried.json()) as Budget;
      expect(budget.additions).toHaveLength(1);
      expect(budget.additions[0]).toMatchObject({ by: 'otto via gateway', deadlineMs: 600_000, resumed: 1 });
      const added = await stack.client.readStream(
        stack.client.topology.eventsStream,
        stack.client.topology.eventSubject(goalId, 'budget.added'),
      );
      expect(added).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'answers 404 for an unknown goal and 409 budget-not-open for a goal no agent opened a budget for',
    async () => {
      const unknown = await addBudget('g-nothing-here', { add: { modelCalls: 1 } });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'goal-not-found' });

      const goalId = uniqueName('g-budgetless');
      await gateway.client.publish({
        subject: gateway.client.topology.eventSubject(goalId, 'task.completed'),
        message: { ...exampleMessage('task.completed')!, goalId, messageId: `${goalId}/rank/done` } as never,
      });
      const closed = await addBudget(goalId, { add: { modelCalls: 1 } });
      expect(closed.status).toBe(409);
      expect(await closed.json()).toMatchObject({ code: 'budget-not-open' });
    },
    TEST_TIMEOUT_MS,
  );
});
