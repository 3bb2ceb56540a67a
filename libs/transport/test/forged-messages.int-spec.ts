import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DeadLetterRecord, GoalCompleted, QueueSpec } from '@swarm/contracts';
import {
  CONTEXT_KEYS,
  envelopeShape,
  GoalEndRecord,
  HEADERS,
  messageIds,
  SCHEMA_VERSION,
  SUBJECTS,
} from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { z } from 'zod';
import type { BusTopology, TaskContext, TaskResult } from '../src/index.js';
import {
  defineQueue,
  isolatedTopology,
  JetStreamServer,
  OnDeadLetter,
  parseTransportSettings,
  ReplayRefusedError,
  SwarmClient,
  TaskError,
  TaskHandler,
} from '../src/index.js';
import { FAST } from './harness.js';

// What a reader may trust: a goal id in the subject must be the payload's, a terminal event goes out only with
// its evidence (`end.<queue>`), and a refused (forged) message fails no goal. Real nats-server, isolated names.

/** A submission the `intake` queue consumes from `<prefix>.evt.<goalId>.goal.submitted`; `end` says what it does. */
const Start = z.strictObject({
  type: z.literal('goal.submitted'),
  ...envelopeShape,
  end: z.enum(['complete', 'fail', 'not-due']),
});
type Start = z.infer<typeof Start>;

let nats: NatsServerHandle;
let prefix: string;
let topology: BusTopology;
let intake: QueueSpec;
let client: SwarmClient;
let close: (() => Promise<void>) | undefined;
const hooked: string[] = [];

function intakeController(queue: QueueSpec, work: QueueSpec): new () => object {
  const binding = defineQueue(queue, Start, { failsGoalOnDeadLetter: true });
  const workBinding = defineQueue(work, Start, { failsGoalOnDeadLetter: true });
  @Controller()
  class IntakeController {
    @TaskHandler(workBinding)
    work(task: Start): Promise<TaskResult> {
      return Promise.reject(TaskError.permanent('broken', `task ${task.taskId} cannot go on`));
    }

    @OnDeadLetter(workBinding)
    workDeadLettered(record: DeadLetterRecord): Promise<void> {
      hooked.push(record.goalId);
      return Promise.resolve();
    }

    @TaskHandler(binding)
    start(task: Start, ctx: TaskContext): Promise<TaskResult> {
      if (task.end === 'fail') throw TaskError.permanent('broken', `goal ${task.goalId} cannot go on`);
      if (task.end === 'not-due') throw TaskError.notDue(`goal ${task.goalId} is not due`);
      const completed: GoalCompleted = {
        type: 'goal.completed',
        ...ctx.envelope({ messageId: messageIds.goalCompleted(task.goalId) }),
        queue: ctx.queue,
        agent: ctx.agent,
        outcome: 'nothing-found',
        summary: 'nothing',
        reportArtifact: null,
        deliveredTo: [],
      };
      return Promise.resolve({
        emit: [{ subject: topology.eventSubject(task.goalId, 'goal.completed'), message: completed }],
      });
    }

    @OnDeadLetter(binding)
    deadLettered(record: DeadLetterRecord): Promise<void> {
      hooked.push(record.goalId);
      return Promise.resolve();
    }
  }
  return IntakeController;
}

beforeAll(async () => {
  nats = await startNats();
  prefix = uniqueName('FORGE');
  const isolated = isolatedTopology(prefix, ['work']);
  intake = {
    name: 'intake',
    agent: 'intake',
    stream: isolated.topology.eventsStream,
    filterSubject: isolated.topology.eventSubject('*', 'goal.submitted'),
    durable: 'intake',
  };
  // Like search, `intake` consumes from the events stream, whose max-deliveries advisories must be kept too.
  const streams = isolated.topology.streams.map((stream) =>
    stream.name === isolated.topology.advisoriesStream
      ? { ...stream, subjects: [...stream.subjects, SUBJECTS.maxDeliveriesAdvisory(intake.stream, '*')] }
      : stream,
  );
  topology = { ...isolated.topology, streams, queues: { ...isolated.queues, intake } };
  client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
  @Module({ controllers: [intakeController(intake, isolated.queues['work']!)] })
  class IntakeModule {}
  const server = new JetStreamServer({
    settings: parseTransportSettings({ ...FAST, natsUrl: nats.url, instanceId: 'intake-1' }),
    topology,
    agentKind: 'intake',
  });
  const app = await NestFactory.createMicroservice(IntakeModule, { strategy: server, logger: false });
  await app.listen();
  close = () => app.close();
});
afterAll(async () => {
  await close?.();
  await client?.close();
  await nats.stop();
});

const start = (goalId: string, end: Start['end']): Start => ({
  type: 'goal.submitted',
  schemaVersion: SCHEMA_VERSION,
  messageId: `${goalId}/submitted/${end}`,
  goalId,
  taskId: `${goalId}/start`,
  causationId: null,
  attempt: 1,
  timestamp: new Date().toISOString(),
  end,
});

const eventsOf = async (goalId: string, type: string) =>
  (await client.goalEvents(goalId)).filter((m) => m.subject.endsWith(`.${type}`));

const letterOf = (goalId: string) =>
  waitFor(async () => (await client.deadLetters('intake')).find((r) => r.goalId === goalId), {
    description: `dead letter of ${goalId}`,
  });

describe('a message whose subject and payload name different goals', () => {
  it('is dead-lettered with its reason, filed under the subject goal, and fails no goal', async () => {
    const forged = start('victim', 'complete');
    await client.publish({ subject: topology.eventSubject('decoy', 'goal.submitted'), message: forged });
    const record = await letterOf('decoy');
    expect(record.reason).toEqual({
      code: 'subject-goal-mismatch',
      message: `the subject ${topology.eventSubject('decoy', 'goal.submitted')} names goal decoy but the payload names goal victim`,
      retryable: false,
    });
    expect(record.payload.data).toBe(JSON.stringify(forged));
    // The refusal is announced on the subject goal; nothing ended either goal, nothing ran, no hook.
    await waitFor(async () => (await eventsOf('decoy', 'task.failed')).length === 1, {
      description: 'task.failed',
    });
    for (const goalId of ['decoy', 'victim']) {
      expect(await eventsOf(goalId, 'goal.failed')).toEqual([]);
      expect(await eventsOf(goalId, 'goal.completed')).toEqual([]);
      expect(await (await client.goal(goalId)).keys()).toEqual([]);
    }
    expect(hooked).not.toContain('decoy');
  });
});

describe('a terminal event a task emits', () => {
  it('goes out with its evidence end.<queue> in the goal context', async () => {
    await client.publish({
      subject: topology.eventSubject('done', 'goal.submitted'),
      message: start('done', 'complete'),
    });
    const [event] = await waitFor(async () => {
      const found = await eventsOf('done', 'goal.completed');
      return found.length > 0 ? found : undefined;
    });
    const evidence = await client.goalEvidence('done');
    // The goal's first task did its work and opened its budget record from the defaults; then the end evidence.
    expect(evidence.keys).toEqual([CONTEXT_KEYS.budget, CONTEXT_KEYS.end('intake')]);
    expect(evidence.ends['intake']).toMatchObject({
      type: 'goal.completed',
      messageId: messageIds.goalCompleted('done'),
      outcome: 'nothing-found',
    });
    expect(event?.body).toMatchObject({ queue: 'intake', agent: { kind: 'intake', instance: 'intake-1' } });
  });

  it("goes out for a task dead-lettered for good as goal.failed, after its queue's evidence", async () => {
    await client.publish({
      subject: topology.eventSubject('broken', 'goal.submitted'),
      message: start('broken', 'fail'),
    });
    await waitFor(async () => (await eventsOf('broken', 'goal.failed')).length === 1, {
      description: 'goal.failed',
    });
    const stored = await (await client.goal('broken')).get(CONTEXT_KEYS.end('intake'), GoalEndRecord);
    expect(stored?.value).toMatchObject({ type: 'goal.failed', messageId: messageIds.goalFailed('broken') });
  });
});

describe('a task refused as not due', () => {
  it('is dead-lettered with task-not-due, without failing its goal or running the dead-letter hook', async () => {
    await client.publish({
      subject: topology.eventSubject('early', 'goal.submitted'),
      message: start('early', 'not-due'),
    });
    const record = await letterOf('early');
    expect(record.reason).toMatchObject({ code: 'task-not-due', message: 'goal early is not due' });
    await waitFor(async () => (await eventsOf('early', 'task.failed')).length === 1, {
      description: 'task.failed',
    });
    expect(await eventsOf('early', 'goal.failed')).toEqual([]);
    expect(await (await client.goal('early')).keys()).toEqual([]);
    expect(hooked).not.toContain('early');
  });
});

describe('a broken task whose goal only its payload names', () => {
  it('is dead-lettered under that goal but does not fail it', async () => {
    const work = topology.queues['work']!;
    await client.publishRaw(
      work.filterSubject,
      new TextEncoder().encode('{"goalId":"named"}'),
      'broken-task',
      {
        [HEADERS.goalId]: ['named'],
      },
    );
    // The same queue fails the goal of a task that decodes and then fails for good.
    await client.publish({
      subject: work.filterSubject,
      message: { ...start('decoded', 'fail'), taskId: 'decoded/w' },
    });
    await waitFor(async () => (await eventsOf('decoded', 'goal.failed')).length === 1, {
      description: 'goal.failed',
    });
    const record = await waitFor(async () =>
      (await client.deadLetters('work')).find((r) => r.goalId === 'named'),
    );
    expect(record.reason.code).toBe('invalid-payload');
    // The hook runs after the goal.failed the queue would publish, so by then it would be stored.
    await waitFor(() => hooked.includes('named'), { description: 'the dead-letter hook' });
    expect(await eventsOf('named', 'task.failed')).toHaveLength(1);
    expect(await eventsOf('named', 'goal.failed')).toEqual([]);
  });

  it('fails the goal its subject names when it is a broken submission', async () => {
    await client.publishRaw(
      topology.eventSubject('named2', 'goal.submitted'),
      new TextEncoder().encode('not json'),
      'broken-submission',
    );
    const record = await letterOf('named2');
    expect(record.reason.code).toBe('not-json');
    await waitFor(async () => (await eventsOf('named2', 'goal.failed')).length === 1, {
      description: 'goal.failed',
    });
  });
});

describe('swarm dlq replay', () => {
  it('refuses a record filed under a queue that names another subject, and publishes nothing', async () => {
    const [legit] = await client.deadLetters('intake');
    const forged: DeadLetterRecord = {
      ...legit!,
      messageId: 'dlq/forged/1',
      source: { ...legit!.source, subject: topology.eventSubject('x', 'goal.completed') },
    };
    await client.publishRaw(
      topology.deadLetterSubject('intake'),
      new TextEncoder().encode(JSON.stringify(forged)),
      'forged-record',
    );
    const entry = await waitFor(async () =>
      (await client.deadLetterEntries('intake')).find((e) => e.record.messageId === 'dlq/forged/1'),
    );
    expect(entry.replay).toMatchObject({ ok: false, queue: 'intake' });
    const refused = await client.replayDeadLetter('dlq/forged/1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ReplayRefusedError);
    expect((refused as Error).message).toContain(
      `whose tasks travel on ${intake.filterSubject}, but the record names subject ${topology.eventSubject('x', 'goal.completed')}`,
    );
    expect(await client.goalEvents('x')).toEqual([]);
  });

  it("puts a record back onto its queue's subject", async () => {
    const record = await letterOf('early');
    const entry = (await client.deadLetterEntries('intake')).find(
      (e) => e.record.messageId === record.messageId,
    );
    expect(entry?.replay).toEqual({
      ok: true,
      queue: 'intake',
      subject: topology.eventSubject('early', 'goal.submitted'),
    });
    const ack = await client.replayDeadLetter(record.messageId);
    expect(ack.stream).toBe(topology.eventsStream);
  });
});
