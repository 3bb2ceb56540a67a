import { waitFor } from '@swarm/testing';
import type { RunningGateway } from '../src/index.js';
import type { ConsoleStack } from '../src/testing/console-stack.js';
import { startConsoleStack } from '../src/testing/console-stack.js';
import type { SseEvent } from './gateway-fixture.js';
import { call, readSse, TOKEN_ENTRIES, TOKENS } from './gateway-fixture.js';

// NATS, the docs server and the four real agents (one process each, from their dist/), the gateway in-process.
let stack: ConsoleStack;
let gateway: RunningGateway;

beforeAll(async () => {
  stack = await startConsoleStack(process.env, { GATEWAY_TOKENS: JSON.stringify(TOKEN_ENTRIES) });
  gateway = stack.gateway;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function submit(body: Record<string, unknown>): Promise<string> {
  const response = await call(gateway, '/api/v1/goals', { token: TOKENS.submitter, body });
  expect(response.status).toBe(201);
  return ((await response.json()) as { goalId: string }).goalId;
}

const follow = (goalId: string, headers: Record<string, string> = {}) =>
  call(gateway, `/api/v1/goals/${goalId}/events`, { token: TOKENS.viewer, headers });

describe('a goal through the HTTP API', () => {
  it('completes a goal submitted over HTTP, followed live over SSE, resumed with Last-Event-ID without a repeat or a gap', async () => {
    const goalId = await submit({ text: 'agent frameworks', topN: 3 });
    // The first connection goes away after the third event; the second resumes after the last id it saw.
    const first = await readSse(await follow(goalId), (_event, all) => all.length === 3);
    const lastId = first.at(-1)!.id!;
    const resumed = await follow(goalId, { 'last-event-id': lastId });
    expect(resumed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const rest = await readSse(resumed, (event) => event.event === 'end');
    expect(rest.at(-1)?.event).toBe('end');
    const events = [...first, ...rest.slice(0, -1)];
    expect(events.at(-1)).toMatchObject({ event: 'goal.completed' });

    // Exactly the goal's stored events up to its completion, in order, each once.
    const stored = (await gateway.client.goalEvents(goalId)).filter(
      (m) => m.streamSequence <= Number(events.at(-1)!.id),
    );
    expect(events.map((e: SseEvent) => Number(e.id))).toEqual(stored.map((m) => m.streamSequence));

    // A reader that saw the end and comes back gets the end at once.
    const again = await readSse(await follow(goalId, { 'last-event-id': events.at(-1)!.id! }), () => false);
    expect(again.map((e) => e.event)).toEqual(['end']);

    const view = await (await call(gateway, `/api/v1/goals/${goalId}`, { token: TOKENS.viewer })).json();
    expect(view).toMatchObject({
      state: 'completed',
      outcome: 'delivered',
      reports: { markdown: expect.any(String) },
    });
    const html = await call(gateway, `/api/v1/goals/${goalId}/report?format=html`, { token: TOKENS.viewer });
    expect(html.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    const markdown = await call(gateway, `/api/v1/goals/${goalId}/report`, {
      token: TOKENS.viewer,
      headers: { accept: 'text/markdown' },
    });
    expect(await markdown.text()).toMatch(/^# Swarm report/);
  });

  it('waits for a human, who approves over HTTP: the audit event names the subject and the gateway', async () => {
    const goalId = await submit({ text: 'retrieval augmented generation', topN: 3, requireApproval: true });
    await waitFor(
      async () => {
        const inbox = (await (await call(gateway, '/api/v1/approvals', { token: TOKENS.viewer })).json()) as {
          approvals: { goalId: string }[];
        };
        return inbox.approvals.some((a) => a.goalId === goalId);
      },
      { description: 'the goal in the approvals inbox', timeoutMs: 60_000 },
    );
    const decided = await call(gateway, `/api/v1/goals/${goalId}/approval`, {
      token: TOKENS.approver,
      body: { outcome: 'approved', comment: 'looks right' },
    });
    expect(decided.status).toBe(200);
    const events = await readSse(await follow(goalId), (event) => event.event === 'end');
    const granted = events.find((e) => e.event === 'approval.granted');
    expect(JSON.parse(granted!.data)).toMatchObject({
      by: 'alice@example.com via gateway',
      comment: 'looks right',
    });
    expect(events.at(-2)).toMatchObject({ event: 'goal.completed' });
  });

  it('lists the four agents with a live replica each', async () => {
    const agents = (await (await call(gateway, '/api/v1/agents', { token: TOKENS.viewer })).json()) as {
      agents: { kind: string; replicas: number }[];
    };
    expect(agents.agents.map((a) => a.kind).sort()).toEqual([
      'communications',
      'ranker',
      'scraper',
      'search',
    ]);
    expect(agents.agents.every((a) => a.replicas >= 1)).toBe(true);
  });
});
