import { BUCKETS, QUEUES, STREAM_SPECS } from '@swarm/contracts';
import { exampleMessage } from '@swarm/contracts/testing';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { runWatch } from '../src/index.js';
import type { GoalEvent } from '@swarm/goal-views';
import { toGoalEvents } from '@swarm/goal-views';
import {
  contractDoc,
  docExamples,
  documentedArtifacts,
  idShape,
  walkthroughDecision,
  walkthroughPublish,
} from './contract-doc.js';
import type { E2eSwarm } from './e2e-harness.js';
import { goalObjectsIn, startSwarm } from './e2e-harness.js';

// A client in another language has docs/bus-contract.md and docs/asyncapi.yaml only. This publishes the
// messages they document for a client (the goal submissions and the approval decision) to a real swarm, byte for
// byte with the goal id made unique, and checks the answer against what the documents say it is.

let nats: NatsServerHandle;
let swarm: E2eSwarm;
const encode = (value: string) => new TextEncoder().encode(value);
/** Each goal submitted here, with its events once it ended and what `swarm watch` printed. */
const goals: { goalId: string; events: GoalEvent[]; printed: string[]; exitCode: number }[] = [];

/** Publishes a documented submission under `goalId` (the doc's goal id replaced) and watches it to its end. */
async function submitDocumented(
  docGoalId: string,
  goalId: string,
  payload: string,
  subject: string,
  headers: Record<string, string>,
  onEvent?: (type: string) => Promise<void>,
) {
  const swap = (text: string) => text.split(docGoalId).join(goalId);
  const { [`Nats-Msg-Id`]: messageId, ...rest } = headers;
  const ack = await swarm.client.publishRaw(
    swap(subject),
    encode(swap(payload)),
    swap(messageId!),
    Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, [swap(value)]])),
  );
  expect(ack).toMatchObject({ stream: 'SWARM_EVENTS', duplicate: false });
  const printed: string[] = [];
  const decided = onEvent
    ? waitFor(async () => {
        const types = toGoalEvents(await swarm.client.goalEvents(goalId)).map((e) => e.type);
        return types.includes('approval.requested') ? true : undefined;
      }).then(() => onEvent('approval.requested'))
    : Promise.resolve();
  const [exitCode] = await Promise.all([
    runWatch(swarm.client, goalId, { timeoutMs: 90_000 }, (line) => printed.push(line)),
    decided,
  ]);
  const events = toGoalEvents(await swarm.client.goalEvents(goalId));
  goals.push({ goalId, events, printed, exitCode });
  return { events, printed, exitCode };
}

beforeAll(async () => {
  nats = await startNats();
  swarm = await startSwarm(nats.url, {}, { DELIVERY_SINKS: 'file' });
}, 120_000);

afterAll(async () => {
  await swarm?.stop();
  await nats?.stop();
});

describe('the readiness signal the contract documents', () => {
  it('shows on every durable consumer as a waiting pull, and on every agent as /readyz 200', async () => {
    for (const queue of Object.values(QUEUES))
      await waitFor(
        async () =>
          ((await swarm.client.bus.jsm.consumers.info(queue.stream, queue.durable)).num_waiting ?? 0) > 0,
        { description: `a waiting pull on ${queue.durable}` },
      );
    for (const agent of swarm.stack.agents)
      expect((await fetch(`http://127.0.0.1:${agent.healthPort}/readyz`)).status).toBe(200);
  });

  it('holds the streams the contract counts: the six of the swarm, the KV buckets and the object stores', async () => {
    const names: string[] = [];
    for await (const name of swarm.client.bus.jsm.streams.names()) names.push(name);
    expect(names.sort()).toEqual(
      [
        ...STREAM_SPECS.map((s) => s.name),
        `KV_${BUCKETS.goals}`,
        `KV_${BUCKETS.presence}`,
        `KV_${BUCKETS.rateLimits}`,
        `OBJ_${BUCKETS.artifacts}`,
        `OBJ_${BUCKETS.reports}`,
      ].sort(),
    );
    expect(contractDoc).toContain(`a server running the swarm holds ${names.length} streams`);
    for (const name of names)
      expect({ name, named: contractDoc.includes(`\`${name}\``) }).toEqual({ name, named: true });
  });
});

describe('a goal submitted as the walkthrough of docs/bus-contract.md does', () => {
  it('runs to goal.completed delivered, through the documented sequence, with the report where documented', async () => {
    const goalId = uniqueName('walk').slice(0, 60);
    const walkthrough = docExamples.find((m) => m['type'] === 'goal.submitted' && m['goalId'] === 'demo-1');
    const { subject, headers } = walkthroughPublish();
    const { events, printed, exitCode } = await submitDocumented(
      'demo-1',
      goalId,
      JSON.stringify(walkthrough),
      subject,
      headers,
    );
    expect(exitCode).toBe(0);
    // Step 5: the search agent claims it, then the scrape, rank and report tasks, then goal.completed.
    const firstClaim = (queue: string) =>
      events.findIndex((e) => e.type === 'task.claimed' && e.body['queue'] === queue);
    const claims = ['search', 'scrape', 'rank', 'report'].map(firstClaim);
    expect(claims.every((index) => index > 0)).toBe(true);
    expect([...claims].sort((a, b) => a - b)).toEqual(claims);
    const completed = events.find((e) => e.type === 'goal.completed');
    expect(completed?.body).toMatchObject({ outcome: 'delivered', reportArtifact: `${goalId}/report.md` });
    expect(events.some((e) => e.type === 'goal.failed')).toBe(false);
    // The report, where the Artifacts table and the delivered goal.completed say it is; nothing undocumented.
    const documented = documentedArtifacts()
      .filter((a) => a.bucket === BUCKETS.reports)
      .map((a) => a.object.replace('<goalId>', goalId));
    const stored = await goalObjectsIn(swarm.client, 'reports', goalId);
    expect(stored).toEqual(expect.arrayContaining([`${goalId}/report.md`, `${goalId}/report.html`]));
    expect(stored.filter((object) => !documented.includes(object))).toEqual([]);
    expect(printed.at(-1)).toContain(`goal ${goalId} delivered`);
  });
});

describe('the goal.submitted example of docs/asyncapi.yaml, decided as the walkthrough decides', () => {
  it('waits for approval, takes the documented KV decision and delivers', async () => {
    const example = exampleMessage('goal.submitted')!;
    const docGoalId = String(example.goalId);
    const goalId = uniqueName('api').slice(0, 60);
    const decision = walkthroughDecision();
    const { events, exitCode } = await submitDocumented(
      docGoalId,
      goalId,
      JSON.stringify(example),
      `swarm.evt.${docGoalId}.goal.submitted`,
      { 'Nats-Msg-Id': String(example.messageId) },
      async () => {
        const key = decision.key.replace(/^demo-1\./, `${goalId}.`);
        await swarm.client.publishRaw(
          `$KV.${decision.bucket}.${key}`,
          encode(decision.value),
          uniqueName('kv'),
          {
            'Nats-Expected-Last-Subject-Sequence': ['0'],
          },
        );
      },
    );
    expect(exitCode).toBe(0);
    const types = events.map((e) => e.type);
    const order = ['approval.requested', 'approval.granted', 'goal.completed'].map((t) => types.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(events.find((e) => e.type === 'approval.granted')?.body['by']).toBe(decision.user);
    expect(events.find((e) => e.type === 'goal.completed')?.body).toMatchObject({
      outcome: 'delivered',
      deliveredTo: ['file'],
    });
  });
});

describe("the swarm's answer, against the examples of docs/bus-contract.md", () => {
  // What the two goals above publish; a retry, a progress report, a rejection or a failure they do not.
  const answered = [
    'task.claimed',
    'task.completed',
    'approval.requested',
    'approval.granted',
    'goal.completed',
  ];
  it.each(answered)('publishes %s with the fields and ids the doc shows', (type) => {
    const shown = docExamples.filter((m) => m['type'] === type);
    const wire = goals.flatMap((goal) =>
      goal.events.filter((e) => e.type === type).map((e) => ({ goalId: goal.goalId, body: e.body })),
    );
    expect({ type, shown: shown.length > 0, published: wire.length > 0 }).toEqual({
      type,
      shown: true,
      published: true,
    });
    const docKeys = new Set(shown.flatMap((m) => Object.keys(m)));
    const extra = wire.flatMap((w) => Object.keys(w.body).filter((key) => !docKeys.has(key)));
    expect({ type, fieldsNotInTheDoc: [...new Set(extra)] }).toEqual({ type, fieldsNotInTheDoc: [] });
    for (const field of ['messageId', 'taskId', 'causationId']) {
      const onWire = [...new Set(wire.map((w) => idShape(w.body[field], w.goalId)))];
      for (const example of shown) {
        const documented = idShape(example[field], String(example['goalId']));
        expect({ type, field, onWire }).toEqual({
          type,
          field,
          onWire: expect.arrayContaining([documented]),
        });
      }
    }
  });
});

describe('task.completed `emitted`, as docs/bus-contract.md says: the hand-offs and a goal end', () => {
  it('lists for each task what the doc shows, and nothing the doc does not name', () => {
    const completed = goals.flatMap((goal) =>
      goal.events
        .filter((e) => e.type === 'task.completed')
        .map((e) => ({
          task: idShape(e.body['taskId'], goal.goalId),
          emitted: [...new Set((e.body['emitted'] as unknown[]).map((id) => idShape(id, goal.goalId)))],
        })),
    );
    for (const example of docExamples.filter((m) => m['type'] === 'task.completed')) {
      const task = idShape(example['taskId'], String(example['goalId']));
      const documented = [
        ...new Set((example['emitted'] as unknown[]).map((id) => idShape(id, String(example['goalId'])))),
      ];
      expect(completed.filter((c) => c.task === task)).toEqual(
        expect.arrayContaining([{ task, emitted: documented }]),
      );
    }
    // The doc's list: the hand-off tasks, and the end event of a task that ended the goal.
    const section = contractDoc.slice(
      contractDoc.indexOf('### `task.completed`'),
      contractDoc.indexOf('```json', contractDoc.indexOf('### `task.completed`')),
    );
    const documentedIds = [...section.matchAll(/`(<goalId>\/[^`]+)`/g)].map((m) =>
      idShape(m[1]!.replace('<goalId>', 'G'), 'G').replace('<n>', '#'),
    );
    expect(documentedIds.length).toBeGreaterThan(0);
    expect(completed.flatMap((c) => c.emitted).filter((id) => !documentedIds.includes(id))).toEqual([]);
  });
});
