import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { Scenario, WorkerProcess } from './harness.js';
import { messageIds } from '@swarm/contracts';
import { GoalBudgetLedger } from '../src/index.js';
import { envOf, FAST, openScenario, spawnWorker } from './harness.js';

let nats: NatsServerHandle;
let scenario: Scenario;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  nats = await startNats();
});

afterAll(async () => {
  await nats.stop();
});

beforeEach(async () => {
  scenario = await openScenario(nats.url, uniqueName('CRASH'));
});

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.child.kill('SIGKILL');
    await worker.exited;
  }
  await scenario.close();
});

async function worker(settings = FAST): Promise<WorkerProcess> {
  const started = await spawnWorker(nats.url, scenario.prefix, envOf(settings));
  workers.push(started);
  return started;
}

describe('a replica killed mid-task', () => {
  it('loses its claim after the ack wait; another replica completes the task exactly once downstream', async () => {
    const doomed = await worker();
    await scenario.publishWork('kill', 'kill/t1', { ms: 3_000 });
    await doomed.waitForLine(/^STARTED kill\/t1 1$/);
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const survivor = await worker();
    await survivor.waitForLine(/^FINISHED kill\/t1 2$/, 20_000);
    await waitFor(async () => (await scenario.events('kill', 'task.completed')).length === 1, {
      description: 'completion',
    });
    expect(await scenario.streamCount(scenario.queues.next.stream)).toBe(1);
    // Acks are not confirmed by default: wait for the last one to reach the server.
    await waitFor(async () => (await scenario.streamCount(scenario.queues.work.stream)) === 0, {
      description: 'work queue empty',
    });
    const claims = await scenario.events('kill', 'task.claimed');
    expect(claims.map((c) => (c.body as { deliveryCount: number }).deliveryCount)).toEqual([1, 2]);
    expect(doomed.lines).not.toContain('FINISHED kill/t1 1');
  });

  it('does not run a leftover delivery again once a top-up has replayed its parked dead letter', async () => {
    // The window of finding 4: a replica parks a task (its dead letter is written), dies before ending the
    // delivery, and a top-up replays the parked record; the leftover delivery must not run beside the replay.
    const doomed = await worker();
    const ack = await scenario.publishWork('sup', 'sup/t1', { ms: 3_000 });
    await doomed.waitForLine(/^STARTED sup\/t1 1$/);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const ledger = new GoalBudgetLedger(await scenario.client.goal('sup'), { onExhausted: 'fail' });
    await ledger.open({ modelCalls: 1, onExhausted: 'pause' }, Date.now());
    await ledger.record({
      by: 'alice',
      at: new Date().toISOString(),
      add: { modelCalls: 1 },
      resumed: [messageIds.deadLetter(ack.stream, ack.seq)],
    });

    const survivor = await worker();
    await waitFor(async () => (await scenario.streamCount(scenario.queues.work.stream)) === 0, {
      description: 'the leftover delivery ended',
      timeoutMs: 20_000,
    });
    const claims = await scenario.events('sup', 'task.claimed');
    expect(claims.map((c) => (c.body as { deliveryCount: number }).deliveryCount)).toEqual([1]);
    expect(await scenario.events('sup', 'task.completed')).toEqual([]);
    expect(survivor.lines).not.toContain('STARTED sup/t1 2');
  });

  it('on its last allowed delivery is swept into the dead-letter stream by the max-deliveries advisory', async () => {
    const lastTry = { ...FAST, maxDeliver: 1 };
    const doomed = await worker(lastTry);
    await scenario.publishWork('last', 'last/t1', { ms: 3_000 });
    await doomed.waitForLine(/^STARTED last\/t1 1$/);
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const survivor = await worker(lastTry);
    const [record] = await waitFor(
      async () => {
        const records = await scenario.client.deadLetters('work');
        return records.length > 0 ? records : undefined;
      },
      { timeoutMs: 20_000, description: 'swept dead-letter record' },
    );
    expect(record).toMatchObject({
      goalId: 'last',
      taskId: 'last/t1',
      reason: { code: 'max-deliveries-exceeded', retryable: false },
      source: { stream: scenario.queues.work.stream },
    });
    expect(JSON.parse(record!.payload.data)).toMatchObject({ taskId: 'last/t1' });
    await survivor.waitForLine(/^DEAD-LETTERED last\/t1 1$/);
    await waitFor(async () => (await scenario.streamCount(scenario.queues.work.stream)) === 0, {
      description: 'task removed from its queue',
    });
    expect(survivor.lines.some((line) => line.startsWith('STARTED last/t1'))).toBe(false);
    expect(await scenario.streamCount(scenario.queues.next.stream)).toBe(0);
  });
});

describe('SIGTERM', () => {
  it('stops pulling and lets the in-flight task finish before the process exits', async () => {
    const draining = await spawnWorker(nats.url, scenario.prefix, { ...envOf(FAST), SWARM_IN_FLIGHT: '1' });
    workers.push(draining);
    await scenario.publishWork('drain', 'drain/t1', { ms: 1_500 });
    await draining.waitForLine(/^STARTED drain\/t1 1$/);
    await scenario.publishWork('drain', 'drain/t2', { ms: 0 });
    draining.child.kill('SIGTERM');
    const code = await draining.exited;

    expect(code).toBe(0);
    expect(draining.lines).toContain('FINISHED drain/t1 1');
    expect(draining.lines.some((line) => line.startsWith('STARTED drain/t2'))).toBe(false);
    expect(
      (await scenario.events('drain', 'task.completed')).map((e) => (e.body as { taskId: string }).taskId),
    ).toEqual(['drain/t1']);
    expect(await scenario.streamCount(scenario.queues.work.stream)).toBe(1);
    const successor = await worker();
    await successor.waitForLine(/^FINISHED drain\/t2 1$/);
  });

  it('hands a task still running at the drain deadline back for another replica', async () => {
    const slow = await worker({ ...FAST, drainTimeoutMs: 300 });
    await scenario.publishWork('deadline', 'deadline/t1', { ms: 4_000 });
    await slow.waitForLine(/^STARTED deadline\/t1 1$/);
    slow.child.kill('SIGTERM');
    await slow.exited;
    expect(slow.lines).not.toContain('FINISHED deadline/t1 1');

    const successor = await worker();
    await successor.waitForLine(/^FINISHED deadline\/t1 2$/, 20_000);
    // FINISHED is printed by the handler; the completion event follows it.
    await waitFor(async () => (await scenario.events('deadline', 'task.completed')).length === 1, {
      description: 'one completion',
    });
    expect(await scenario.streamCount(scenario.queues.next.stream)).toBe(1);
  });
});
