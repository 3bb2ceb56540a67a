import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { HEADERS } from '@swarm/contracts';
import type { Replica, Scenario } from './harness.js';
import { FAST, openScenario, startReplica } from './harness.js';
import { GoalBudgetLedger } from '../src/index.js';

let nats: NatsServerHandle;
let scenario: Scenario;
const replicas: Replica[] = [];

beforeAll(async () => {
  nats = await startNats();
});

afterAll(async () => {
  await nats.stop();
});

beforeEach(async () => {
  scenario = await openScenario(nats.url, uniqueName('WQ'));
});

afterEach(async () => {
  await Promise.all(replicas.splice(0).map((replica) => replica.close()));
  await scenario.close();
});

async function replica(instanceId: string, extra = {}): Promise<Replica> {
  const started = await startReplica(nats.url, scenario.prefix, { ...FAST, ...extra }, instanceId);
  replicas.push(started);
  return started;
}

describe('work queue', () => {
  it('lets two replicas share one queue, each task done once', async () => {
    const [a, b] = await Promise.all([
      replica('replica-a', { inFlight: 2 }),
      replica('replica-b', { inFlight: 2 }),
    ]);
    for (let i = 0; i < 20; i++) await scenario.publishWork('share', `share/t${i}`, { ms: 50 });

    await waitFor(async () => (await scenario.streamCount(scenario.queues.next.stream)) === 20, {
      timeoutMs: 20_000,
      description: '20 hand-offs',
    });
    const finishedA = a.seen.filter((s) => s.event === 'finished').length;
    const finishedB = b.seen.filter((s) => s.event === 'finished').length;
    expect(finishedA + finishedB).toBe(20);
    expect(finishedA).toBeGreaterThan(0);
    expect(finishedB).toBeGreaterThan(0);
    const claimedBy = new Set(
      (await scenario.events('share', 'task.claimed')).map(
        (e) => (e.body as { agent: { instance: string } }).agent.instance,
      ),
    );
    expect(claimedBy).toEqual(new Set(['replica-a', 'replica-b']));
    // Acks are not confirmed by default: wait for the last one to reach the server.
    await waitFor(async () => (await scenario.streamCount(scenario.queues.work.stream)) === 0, {
      description: 'work queue empty',
    });
  });

  it('drops a duplicate publish of the same task id', async () => {
    const first = await scenario.publishWork('dup', 'dup/t1');
    const second = await scenario.publishWork('dup', 'dup/t1');
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    await replica('replica-a');

    await waitFor(async () => (await scenario.events('dup', 'task.completed')).length === 1, {
      description: 'completion',
    });
    expect(await scenario.streamCount(scenario.queues.next.stream)).toBe(1);
    expect(await scenario.events('dup', 'task.claimed')).toHaveLength(1);
  });

  it('retries a retryable failure with backoff, then dead-letters it with its reason after the limit', async () => {
    const published = new Date();
    await scenario.publishWork('retry', 'retry/t1', { failUntilDelivery: 99 });
    await replica('replica-a');

    const [record] = await waitFor(
      async () => {
        const records = await scenario.client.deadLetters('work');
        return records.length > 0 ? records : undefined;
      },
      { timeoutMs: 15_000, description: 'dead-letter record' },
    );
    expect(record).toMatchObject({
      goalId: 'retry',
      taskId: 'retry/t1',
      deliveryCount: 3,
      reason: { code: 'retries-exhausted', retryable: false },
      source: { stream: scenario.queues.work.stream, consumer: scenario.queues.work.durable },
    });
    expect(record!.reason.message).toContain('flaky');
    expect(JSON.parse(record!.payload.data)).toMatchObject({
      taskId: 'retry/t1',
      work: { failUntilDelivery: 99 },
    });
    expect(record!.headers[HEADERS.goalId]).toEqual(['retry']);

    const failed = await scenario.events('retry', 'task.failed');
    expect(failed.map((e) => (e.body as { willRetry: boolean }).willRetry)).toEqual([true, true, false]);
    const claims = await scenario.events('retry', 'task.claimed');
    expect(claims).toHaveLength(3);
    // The naks carried the backoff: each redelivery came no sooner than its step of the schedule.
    const gaps = [
      claims[1]!.time.getTime() - failed[0]!.time.getTime(),
      claims[2]!.time.getTime() - failed[1]!.time.getTime(),
    ];
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(350);
    expect(claims[0]!.time.getTime()).toBeGreaterThanOrEqual(published.getTime() - 1_000);
    // Acks are not confirmed by default: wait for the last one to reach the server.
    await waitFor(async () => (await scenario.streamCount(scenario.queues.work.stream)) === 0, {
      description: 'work queue empty',
    });
    expect(await scenario.streamCount(scenario.queues.next.stream)).toBe(0);
  });

  it('completes a task whose first attempt failed, handing off once', async () => {
    await scenario.publishWork('recover', 'recover/t1', { failUntilDelivery: 1 });
    await replica('replica-a');
    await waitFor(async () => (await scenario.events('recover', 'task.completed')).length === 1, {
      description: 'completion',
    });
    expect((await scenario.events('recover', 'task.completed'))[0]!.body).toMatchObject({ attempt: 2 });
    expect(await scenario.streamCount(scenario.queues.next.stream)).toBe(1);
  });

  it("stamps each hand-off with the goal's deadline as the task read it (`Swarm-Deadline`)", async () => {
    const withDeadline = new GoalBudgetLedger(await scenario.client.goal('dl-at'), { onExhausted: 'fail' });
    const opened = await withDeadline.open({ deadlineMs: 600_000 }, Date.now());
    await new GoalBudgetLedger(await scenario.client.goal('dl-none'), { onExhausted: 'fail' }).open(
      undefined,
      Date.now(),
    );
    for (const goalId of ['dl-at', 'dl-none', 'dl-unknown'])
      await scenario.publishWork(goalId, `${goalId}/t1`);
    await replica('replica-a');
    const { stream } = scenario.queues.next;
    await waitFor(async () => (await scenario.streamCount(stream)) === 3, { description: 'three hand-offs' });
    // A work-queue stream takes no ordered reader: fetch its three messages by sequence.
    const handOffs = await Promise.all(
      [1, 2, 3].map(async (seq) => (await scenario.client.bus.jsm.streams.getMessage(stream, { seq }))!),
    );
    const deadlineOf = (goalId: string) =>
      handOffs.find((m) => m.header.get(HEADERS.goalId) === goalId)?.header.get(HEADERS.deadline);
    expect(deadlineOf('dl-at')).toBe(String(opened.deadlineAt));
    expect(deadlineOf('dl-none')).toBe('none');
    // A goal without a record gets the deployment's defaults (here no deadline) at its first task.
    expect(deadlineOf('dl-unknown')).toBe('none');
  });

  it('dead-letters a non-retryable failure on the first delivery', async () => {
    await scenario.publishWork('refuse', 'refuse/t1', { permanentFailure: true });
    const a = await replica('replica-a');
    const [record] = await waitFor(
      async () => {
        const records = await scenario.client.deadLetters('work');
        return records.length > 0 ? records : undefined;
      },
      { description: 'dead-letter record' },
    );
    expect(record).toMatchObject({ deliveryCount: 1, reason: { code: 'refused', retryable: false } });
    await waitFor(() => a.seen.some((s) => s.event === 'dead-lettered' && s.taskId === 'refuse/t1'), {
      description: 'dead-letter hook',
    });
    expect(await scenario.events('refuse', 'task.claimed')).toHaveLength(1);
  });

  it('dead-letters invalid JSON and schema-invalid payloads at once, while valid tasks keep flowing', async () => {
    const subject = scenario.queues.work.filterSubject;
    await scenario.client.publishRaw(subject, new TextEncoder().encode('{"not": json'), 'poison-1', {
      [HEADERS.goalId]: ['poison'],
    });
    const wrongVersion = {
      type: 'task.work',
      schemaVersion: 99,
      messageId: 'poison/t2',
      goalId: 'poison',
      taskId: 'poison/t2',
      causationId: null,
      attempt: 1,
      timestamp: new Date().toISOString(),
      work: {},
    };
    await scenario.client.publishRaw(
      subject,
      new TextEncoder().encode(JSON.stringify(wrongVersion)),
      'poison-2',
    );
    await scenario.publishWork('poison', 'poison/ok');
    await replica('replica-a');

    const records = await waitFor(
      async () => {
        const found = await scenario.client.deadLetters('work');
        return found.length === 2 ? found : undefined;
      },
      { description: 'two dead-letter records' },
    );
    const byCode = Object.fromEntries(records.map((r) => [r.reason.code, r]));
    expect(byCode['not-json']).toMatchObject({
      deliveryCount: 1,
      goalId: 'poison',
      payload: { data: '{"not": json' },
    });
    expect(byCode['invalid-payload']).toMatchObject({ deliveryCount: 1, taskId: 'poison/t2' });
    expect(byCode['invalid-payload']!.reason.message).toContain('schemaVersion');
    await waitFor(async () => (await scenario.events('poison', 'task.completed')).length === 1, {
      description: 'valid task completes',
    });
    const failed = await scenario.events('poison', 'task.failed');
    expect(failed.map((e) => (e.body as { deadLetterId: string }).deadLetterId).sort()).toEqual(
      records.map((r) => r.messageId).sort(),
    );
  });

  it('keeps the claim of a task longer than the ack wait with heartbeats', async () => {
    // The task runs more than twice the ack wait; heartbeats every tenth of it leave room for a loaded machine's
    // event-loop stalls (an ack wait of 1.5 s lost its claim once at a load average of 30 on 2 cores).
    await scenario.publishWork('long', 'long/t1', { ms: 7_000 });
    await replica('replica-a', { ackWaitMs: 3_000, heartbeatMs: 300 });
    await replica('replica-b', { ackWaitMs: 3_000, heartbeatMs: 300 });
    await waitFor(async () => (await scenario.events('long', 'task.completed')).length === 1, {
      timeoutMs: 25_000,
      description: 'completion',
    });
    expect(await scenario.events('long', 'task.claimed')).toHaveLength(1);
  });

  it('replays a dead letter onto its original subject', async () => {
    await scenario.client.publishRaw(
      scenario.queues.work.filterSubject,
      new TextEncoder().encode('garbage'),
      'garbage-1',
      { [HEADERS.goalId]: ['replay'] },
    );
    await replica('replica-a');
    const [record] = await waitFor(
      async () => {
        const found = await scenario.client.deadLetters('work');
        return found.length === 1 ? found : undefined;
      },
      { description: 'dead-letter record' },
    );
    await scenario.client.replayDeadLetter(record!.messageId);
    await waitFor(async () => (await scenario.client.deadLetters('work')).length === 2, {
      description: 'replayed message dead-lettered again',
    });
  });
});
