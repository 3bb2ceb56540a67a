import type { ApprovalState } from '@swarm/contracts';
import { ARTIFACTS, CONTEXT_KEYS, decisionKeyOf } from '@swarm/contracts';
import { exampleMessage } from '@swarm/contracts/testing';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import {
  addToGoalBudget,
  AgentRuntime,
  budgetExhaustedEvent,
  GoalBudgetLedger,
  parseTransportSettings,
  swarmTopology,
} from '@swarm/transport';
import type { RunningGateway } from '../src/index.js';
import { call, startTestGateway, TOKENS } from './gateway-fixture.js';

let nats: NatsServerHandle;
let gateway: RunningGateway;

beforeAll(async () => {
  nats = await startNats();
  gateway = await startTestGateway(nats.url);
});

afterAll(async () => {
  await gateway?.close();
  await nats?.stop();
});

/** A goal waiting for approval, its request and preview written as the communications agent writes them. */
async function waitingGoal(): Promise<string> {
  const goalId = uniqueName('approval');
  const goal = await gateway.client.goal(goalId);
  const now = Date.now();
  const request: ApprovalState = {
    requestedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 10 * 60_000).toISOString(),
    reportArtifact: `${goalId}/${ARTIFACTS.reportPreview}`,
  };
  await goal.create(CONTEXT_KEYS.approval, request);
  await goal.putArtifact(ARTIFACTS.reportPreview, '# Swarm report: preview');
  return goalId;
}

describe('POST /api/v1/goals', () => {
  it('submits a goal as the caller and answers 201 with its links and Location', async () => {
    const response = await call(gateway, '/api/v1/goals', {
      token: TOKENS.submitter,
      body: { text: 'agent frameworks' },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { goalId: string; links: { self: string } };
    expect(response.headers.get('location')).toBe(body.links.self);
    const stored = await gateway.client.goalEvents(body.goalId);
    expect(stored[0]?.body).toMatchObject({
      type: 'goal.submitted',
      goal: { text: 'agent frameworks', submittedBy: 'sam' },
    });
  });

  it('makes the same request with the same Idempotency-Key one goal: 200 with the same body the second time', async () => {
    const key = uniqueName('key');
    const send = () =>
      call(gateway, '/api/v1/goals', {
        token: TOKENS.submitter,
        body: { text: 'vector stores', topN: 3 },
        headers: { 'idempotency-key': key },
      });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 200]);
    const body = await first.json();
    expect(await second.json()).toEqual(body);
    expect(await gateway.client.goalEvents((body as { goalId: string }).goalId)).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another goal with 409, and a goal without one is always new', async () => {
    const key = uniqueName('key');
    const headers = { 'idempotency-key': key };
    expect(
      (await call(gateway, '/api/v1/goals', { token: TOKENS.submitter, body: { text: 'a' }, headers }))
        .status,
    ).toBe(201);
    const conflict = await call(gateway, '/api/v1/goals', {
      token: TOKENS.submitter,
      body: { text: 'b' },
      headers,
    });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: 'idempotency-conflict' });
    const ids = await Promise.all(
      [1, 2].map(
        async () =>
          (
            (await (
              await call(gateway, '/api/v1/goals', { token: TOKENS.submitter, body: { text: 'a' } })
            ).json()) as { goalId: string }
          ).goalId,
      ),
    );
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('refuses an invalid goal with 400 listing the issues, and a body that names its own submitter', async () => {
    const invalid = await call(gateway, '/api/v1/goals', {
      token: TOKENS.submitter,
      body: { text: '', topN: 0 },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      code: 'invalid-goal',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'topN' })]),
    });
    const forged = await call(gateway, '/api/v1/goals', {
      token: TOKENS.submitter,
      body: { text: 'x', submittedBy: 'root' },
    });
    expect(forged.status).toBe(400);
  });

  it('refuses a viewer with 403', async () => {
    expect((await call(gateway, '/api/v1/goals', { token: TOKENS.viewer, body: { text: 'x' } })).status).toBe(
      403,
    );
  });
});

describe('GET /api/v1/goals and /goals/{goalId}', () => {
  it('lists goals newest first in pages, and shows one goal with its timeline', async () => {
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three'])
      ids.push(
        (
          (await (
            await call(gateway, '/api/v1/goals', { token: TOKENS.submitter, body: { text } })
          ).json()) as { goalId: string }
        ).goalId,
      );
    const page = (await (await call(gateway, '/api/v1/goals?limit=2', { token: TOKENS.viewer })).json()) as {
      goals: { goalId: string; state: string }[];
      nextCursor: string;
    };
    expect(page.goals.map((g) => g.goalId)).toEqual([ids[2], ids[1]]);
    expect(page.goals[0]).toMatchObject({ state: 'open', text: 'three', stage: 'submitted' });
    const next = (await (
      await call(gateway, `/api/v1/goals?limit=2&cursor=${page.nextCursor}`, { token: TOKENS.viewer })
    ).json()) as {
      goals: { goalId: string }[];
    };
    expect(next.goals[0]?.goalId).toBe(ids[0]);
    const view = await (await call(gateway, `/api/v1/goals/${ids[0]}`, { token: TOKENS.viewer })).json();
    expect(view).toMatchObject({
      goalId: ids[0],
      state: 'submitted',
      text: 'one',
      approval: { status: 'not-requested' },
      reports: null,
    });
    expect((view as { timeline: { type: string }[] }).timeline.map((e) => e.type)).toEqual([
      'goal.submitted',
    ]);
  });

  it('shows a goal paused for budget as awaiting budget with its budget, until someone adds to it', async () => {
    const submitted = await call(gateway, '/api/v1/goals', {
      token: TOKENS.submitter,
      body: { text: 'paid' },
    });
    const { goalId } = (await submitted.json()) as { goalId: string };
    const ledger = new GoalBudgetLedger(await gateway.client.goal(goalId), { onExhausted: 'pause' });
    await ledger.open({ modelCalls: 0, onExhausted: 'pause' }, Date.now());
    await ledger.exhaust('modelCalls budget 0 cannot cover the next call', 'modelCalls');
    const exhausted = budgetExhaustedEvent(
      {
        goalId,
        taskId: `${goalId}/rank`,
        messageId: `${goalId}/rank`,
        queue: 'rank',
        agent: { kind: 'ranker', instance: 'ranker-1' },
        attempt: 1,
      },
      (await ledger.read())!,
      new Date(),
    );
    const subject = gateway.client.topology.eventSubject(goalId, 'budget.exhausted');
    await gateway.client.publish({ subject, message: exhausted });
    const paused = (await (
      await call(gateway, `/api/v1/goals/${goalId}`, { token: TOKENS.viewer })
    ).json()) as { state: string; budget: unknown; timeline: { type: string; detail?: string }[] };
    expect(paused.state).toBe('awaiting-budget');
    expect(paused.budget).toMatchObject({
      limits: { modelCalls: 0 },
      policy: 'pause',
      exhausted: { shortfall: 'modelCalls' },
    });
    expect(paused.timeline.at(-1)).toMatchObject({
      type: 'budget.exhausted',
      detail: expect.stringContaining(`resume with: swarm budget ${goalId} --add calls=1`),
    });
    await addToGoalBudget(
      gateway.client,
      goalId,
      { by: 'olga', add: { modelCalls: 2 } },
      { onExhausted: 'pause' },
    );
    const resumed = (await (
      await call(gateway, `/api/v1/goals/${goalId}`, { token: TOKENS.viewer })
    ).json()) as { state: string; budget: { left: unknown; additions: unknown[] } };
    expect(resumed.state).not.toBe('awaiting-budget');
    expect(resumed.budget).toMatchObject({
      left: { modelCalls: 2 },
      additions: [{ by: 'olga', resumed: 0 }],
    });
  });

  it('answers 404 for an unknown goal and 400 for an id that is no goal id', async () => {
    expect((await call(gateway, '/api/v1/goals/g-nothing-here', { token: TOKENS.viewer })).status).toBe(404);
    const bad = await call(gateway, '/api/v1/goals/bad*id', { token: TOKENS.viewer });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid-goal-id' });
  });
});

describe('approvals', () => {
  it('lists a waiting goal, serves its preview, and records the decision under the authenticated subject', async () => {
    const goalId = await waitingGoal();
    const inbox = (await (
      await call(gateway, '/api/v1/approvals?status=pending', { token: TOKENS.viewer })
    ).json()) as {
      approvals: { goalId: string; previewUrl: string }[];
    };
    const entry = inbox.approvals.find((a) => a.goalId === goalId);
    expect(entry).toBeDefined();
    const preview = await call(gateway, entry!.previewUrl, { token: TOKENS.viewer });
    expect(await preview.text()).toBe('# Swarm report: preview');

    const decided = await call(gateway, `/api/v1/goals/${goalId}/approval`, {
      token: TOKENS.approver,
      body: { outcome: 'approved', comment: 'ship it' },
    });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({
      status: 'decided',
      outcome: 'granted',
      by: 'alice@example.com via gateway',
    });
    const keys = await (await gateway.client.goal(goalId)).list(CONTEXT_KEYS.decisionPrefix);
    expect(keys.map((k) => k.key)).toEqual([
      decisionKeyOf({ vouchedBy: 'gateway', subject: 'alice@example.com' }),
    ]);

    const again = await call(gateway, `/api/v1/goals/${goalId}/approval`, {
      token: TOKENS.approver,
      body: { outcome: 'rejected', comment: 'no' },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      status: 409,
      code: 'approval-not-pending',
      resolution: 'decided',
    });
  });

  it('refuses a goal that never asked for approval with 409 not-requested, and a viewer or no token before that', async () => {
    const goalId = uniqueName('plain');
    const path = `/api/v1/goals/${goalId}/approval`;
    const refused = await call(gateway, path, { token: TOKENS.approver, body: { outcome: 'approved' } });
    expect(await refused.json()).toMatchObject({
      status: 409,
      code: 'approval-not-pending',
      resolution: 'not-requested',
    });
    expect((await call(gateway, path, { token: TOKENS.viewer, body: { outcome: 'approved' } })).status).toBe(
      403,
    );
    expect((await call(gateway, path, { body: { outcome: 'approved' } })).status).toBe(401);
  });
});

describe('dead letters', () => {
  it('lists a dead letter and replays it onto its queue for an operator, and refuses a submitter', async () => {
    const record = exampleMessage('dead-letter')!;
    record['messageId'] = uniqueName('dl');
    await gateway.client.publish({
      subject: gateway.client.topology.deadLetterSubject('scrape'),
      message: record as never,
    });
    expect((await call(gateway, '/api/v1/dead-letters', { token: TOKENS.submitter })).status).toBe(403);
    const listed = (await (
      await call(gateway, '/api/v1/dead-letters?queue=scrape', { token: TOKENS.operator })
    ).json()) as {
      deadLetters: {
        id: string;
        reason: { code: string };
        replay: { ok: boolean };
        payloadPreview: string;
      }[];
    };
    const letter = listed.deadLetters.find((d) => d.id === record['messageId']);
    expect(letter).toMatchObject({ reason: { code: 'MAX_DELIVERIES' }, replay: { ok: true } });
    expect(letter?.payloadPreview.length).toBeGreaterThan(0);

    const replayed = await call(gateway, `/api/v1/dead-letters/${String(record['messageId'])}/replay`, {
      token: TOKENS.operator,
      method: 'POST',
    });
    expect(replayed.status).toBe(202);
    expect(await replayed.json()).toMatchObject({
      replayedTo: gateway.client.topology.queues['scrape']!.filterSubject,
    });
    expect(
      (await call(gateway, '/api/v1/dead-letters/nope/replay', { token: TOKENS.operator, method: 'POST' }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(gateway, `/api/v1/dead-letters/${String(record['messageId'])}/replay`, {
          token: TOKENS.submitter,
          method: 'POST',
        })
      ).status,
    ).toBe(403);
  });
});

describe('GET /api/v1/agents', () => {
  type AgentRow = { kind: string; queue: string; replicas: number; instances: string[] } & Record<
    string,
    unknown
  >;
  const agents = async () =>
    (
      (await (await call(gateway, '/api/v1/agents', { token: TOKENS.viewer })).json()) as {
        agents: AgentRow[];
      }
    ).agents;

  it('lists the four agent queues', async () => {
    expect((await agents()).map((a) => `${a.kind}/${a.queue}`).sort()).toEqual([
      'communications/report',
      'ranker/rank',
      'scraper/scrape',
      'search/search',
    ]);
  });

  it('counts the replicas alive (one replica is one, and none after it stopped)', async () => {
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const settings = parseTransportSettings({ natsUrl: nats.url, instanceId: 'scraper-only' });
    const replica = await AgentRuntime.start(
      { settings, topology: swarmTopology(), agentKind: 'scraper', logger: quiet },
      [],
    );
    try {
      const rows = await agents();
      expect(rows.find((a) => a.queue === 'scrape')).toMatchObject({
        replicas: 1,
        instances: ['scraper-only'],
      });
      expect(rows.find((a) => a.queue === 'rank')).toMatchObject({ replicas: 0, instances: [] });
    } finally {
      await replica.stop();
    }
    expect((await agents()).find((a) => a.queue === 'scrape')).toMatchObject({ replicas: 0 });
  });

  it('counts the tasks of each queue completed in the last minute', async () => {
    const before = (await agents()).find((a) => a.queue === 'rank')?.['completedLastMinute'];
    const goalId = uniqueName('done');
    const completed: Record<string, unknown> = {
      ...exampleMessage('task.completed')!,
      goalId,
      messageId: `${goalId}/rank/completed`,
      queue: 'rank',
    };
    await gateway.client.publish({
      subject: gateway.client.topology.eventSubject(goalId, 'task.completed'),
      message: completed as never,
    });
    expect((await agents()).find((a) => a.queue === 'rank')?.['completedLastMinute']).toBe(
      (before as number) + 1,
    );
  });
});

describe('security headers', () => {
  it('sends nosniff, no-referrer and a Content-Security-Policy with the JSON, a refusal and the open paths', async () => {
    for (const [path, token] of [
      ['/api/v1/whoami', TOKENS.viewer],
      ['/api/v1/goals', undefined],
      ['/api/v1/openapi.json', undefined],
      ['/healthz', undefined],
    ] as const) {
      const response = await call(gateway, path, token ? { token } : {});
      expect([path, response.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, response.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
      expect([path, response.headers.get('content-security-policy')]).toEqual([
        path,
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      ]);
    }
  });
});
