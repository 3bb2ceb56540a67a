import { JetStreamApiError } from '@nats-io/jetstream';
import { buildGoalSubmitted } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { BusTopology, TransportSettingsInput } from '../src/index.js';
import { lastValueFrom } from 'rxjs';
import {
  AgentRuntime,
  defineQueue,
  desiredStream,
  isolatedTopology,
  JetStreamClientProxy,
  parseTransportSettings,
  SwarmClient,
  SwarmFullError,
} from '../src/index.js';
import { WorkTask, workTask } from '../src/testing/index.js';
import type { Replica } from './harness.js';
import { FAST, startReplica } from './harness.js';

let nats: NatsServerHandle;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  nats = await startNats();
});

afterAll(async () => {
  for (const resource of open.reverse()) await resource.close();
  await nats.stop();
});

interface Swarm {
  readonly prefix: string;
  readonly topology: BusTopology;
  readonly client: SwarmClient;
  readonly settings: TransportSettingsInput;
  submit(goalId: string, text?: string): ReturnType<SwarmClient['submitGoal']>;
  /** Every event stored now, as `sequence subject`. */
  storedEvents(): Promise<string[]>;
  /** The task ids a work-queue stream holds now, oldest first (read one by one: a work queue takes no reader). */
  storedTasks(stream: string): Promise<string[]>;
  worker(): Promise<Replica>;
}

async function swarm(limits: TransportSettingsInput): Promise<Swarm> {
  const prefix = uniqueName('FULL');
  const { topology } = isolatedTopology(prefix, ['work', 'next']);
  const settings = { ...FAST, ...limits };
  const client = await SwarmClient.connect(
    parseTransportSettings({ ...settings, natsUrl: nats.url }),
    topology,
    {
      provision: true,
    },
  );
  open.push(client);
  return {
    prefix,
    topology,
    client,
    settings,
    submit: (goalId, text = `goal ${goalId}`) => {
      const { message } = buildGoalSubmitted(goalId, { text });
      return client.submitGoal({ subject: topology.eventSubject(goalId, 'goal.submitted'), message });
    },
    storedEvents: async () => {
      const messages = await client.readStream(topology.eventsStream, `${prefix}.evt.>`);
      return messages.map((m) => `${m.streamSequence} ${m.subject}`);
    },
    storedTasks: async (stream) => {
      const { state } = await client.bus.jsm.streams.info(stream);
      const ids: string[] = [];
      for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
        const msg = await client.bus.jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (msg) ids.push(msg.json<{ taskId: string }>().taskId);
      }
      return ids;
    },
    worker: async () => {
      const replica = await startReplica(nats.url, prefix, settings, uniqueName('worker'));
      open.push(replica);
      return replica;
    },
  };
}

describe('a full stream at the door', () => {
  it('refuses a new goal once the events stream reaches the high-water mark, and the admitted goals still run', async () => {
    const s = await swarm({ eventsMaxMessages: 12, admissionHighWater: 0.25 });
    const events = s.topology.eventsStream;
    for (const goal of ['g1', 'g2', 'g3'])
      await expect(s.submit(goal)).resolves.toMatchObject({ duplicate: false });
    const before = await s.storedEvents();
    expect(before).toHaveLength(3);

    const refused = s.submit('g4');
    await expect(refused).rejects.toBeInstanceOf(SwarmFullError);
    await expect(refused).rejects.toMatchObject({
      code: 'swarm-full',
      retryable: true,
      resource: `stream ${events}`,
      fill: 0.25,
    });
    await expect(refused).rejects.toThrow(
      new RegExp(
        `^new goals refused, the swarm is full: stream ${events} holds 3 of its 12 messages \\(25%\\), at or above the admission high-water mark of 25%`,
      ),
    );
    // The same goal again is a duplicate of what is stored, not a refusal.
    await expect(s.submit('g1')).resolves.toMatchObject({ duplicate: true, seq: 1 });
    expect(await s.storedEvents()).toEqual(before);

    // The goals let in keep the room above the mark: their hand-offs and lifecycle events are all stored.
    await s.worker();
    for (const goal of ['g1', 'g2', 'g3']) {
      await s.client.publish({ subject: `${s.prefix}.task.work`, message: workTask(goal, `${goal}/work`) });
    }
    const next = isolatedTopology(s.prefix, ['next']).queues['next']!.stream;
    await waitFor(async () => (await s.storedTasks(next)).length === 3, {
      timeoutMs: 15_000,
      description: 'the three hand-offs of the admitted goals',
    });
    await waitFor(async () => (await s.storedEvents()).length === 9, {
      timeoutMs: 15_000,
      description: 'claimed and completed events of the three tasks',
    });
    const after = await s.storedEvents();
    expect(after.slice(0, 3)).toEqual(before);
    for (const goal of ['g1', 'g2', 'g3'])
      expect(after.filter((m) => m.endsWith(` ${s.prefix}.evt.${goal}.task.completed`))).toHaveLength(1);
    await expect(s.submit('g4')).rejects.toThrow(/holds 9 of its 12 messages \(75%\)/);
  });

  it('refuses a new goal while a task queue is at the mark, and the full queue refuses a hand-off without dropping one', async () => {
    const s = await swarm({ taskQueueMaxMessages: 4, admissionHighWater: 0.5 });
    const work = isolatedTopology(s.prefix, ['work']).queues['work']!;
    const publish = (n: number) =>
      s.client.publish({ subject: work.filterSubject, message: workTask('g0', `g0/work/${n}`) });
    await publish(1);
    await expect(s.submit('g1')).resolves.toMatchObject({ duplicate: false });
    await publish(2);
    await expect(s.submit('g2')).rejects.toThrow(
      new RegExp(
        `^new goals refused, the swarm is full: stream ${work.stream} holds 2 of its 4 messages \\(50%\\)`,
      ),
    );
    // A Nest app emitting the goal through the client proxy meets the same door.
    const proxy = new JetStreamClientProxy(
      parseTransportSettings({ ...s.settings, natsUrl: nats.url }),
      s.topology,
    );
    open.push(proxy);
    const { message } = buildGoalSubmitted('g2', { text: 'goal g2' });
    await expect(
      lastValueFrom(proxy.emit(s.topology.eventSubject('g2', 'goal.submitted'), message)),
    ).rejects.toBeInstanceOf(SwarmFullError);
    expect(await s.client.goalEvents('g2')).toEqual([]);
    await publish(3);
    await publish(4);
    const full = await s.storedTasks(work.stream);
    const refused = publish(5);
    await expect(refused).rejects.toBeInstanceOf(JetStreamApiError);
    await expect(refused).rejects.toThrow('maximum messages exceeded');
    expect(await s.storedTasks(work.stream)).toEqual(full);
    expect(full).toHaveLength(4);
  });

  it('turns a submission the full stream itself refuses into the same clear error, and keeps what it holds', async () => {
    const s = await swarm({ eventsMaxBytes: 2_500, admissionHighWater: 1 });
    const events = s.topology.eventsStream;
    await s.submit('small');
    const before = await s.client.bus.jsm.streams.info(events);
    expect(before.state.bytes).toBeLessThan(2_500 / 2); // so the door lets the next goal through to the stream

    const refused = s.submit('large', `find ${'x'.repeat(1_900)}`);
    await expect(refused).rejects.toBeInstanceOf(SwarmFullError);
    await expect(refused).rejects.toMatchObject({ resource: `stream ${events}`, fill: 1 });
    await expect(refused).rejects.toThrow(
      new RegExp(
        `^new goals refused, the swarm is full: stream ${events} refused the goal \\(maximum bytes exceeded\\)`,
      ),
    );
    const after = await s.client.bus.jsm.streams.info(events);
    expect(after.state).toMatchObject({
      messages: 1,
      first_seq: before.state.first_seq,
      bytes: before.state.bytes,
    });
  });

  it('retries a hand-off that a full queue refused, and stores it once there is room', async () => {
    const s = await swarm({ taskQueueMaxMessages: 2, maxDeliver: 20, backoffMs: [200] });
    const { queues } = isolatedTopology(s.prefix, ['work', 'next']);
    const next = queues['next']!;
    const work = queues['work']!;
    for (const n of [1, 2])
      await s.client.publish({ subject: next.filterSubject, message: workTask('g0', `g0/next/${n}`) });
    const replica = await s.worker();
    await s.client.publish({ subject: work.filterSubject, message: workTask('g1', 'g1/work') });

    // The handler succeeds, but its hand-off finds `next` full: the task is redelivered, not acked or dropped.
    await waitFor(() => replica.seen.some((seen) => seen.taskId === 'g1/work' && seen.deliveryCount >= 2), {
      timeoutMs: 15_000,
      description: 'a redelivery of the task whose hand-off was refused',
    });
    expect(await s.storedTasks(next.stream)).toEqual(['g0/next/1', 'g0/next/2']);
    expect(await s.storedTasks(work.stream)).toEqual(['g1/work']);
    expect(replica.seen.filter((seen) => seen.event === 'dead-lettered')).toEqual([]);

    // Room in the queue (an agent took a task): the next retry stores the hand-off, then acks the task.
    await s.client.bus.jsm.streams.deleteMessage(next.stream, 1);
    await waitFor(async () => (await s.client.bus.jsm.streams.info(work.stream)).state.messages === 0, {
      timeoutMs: 15_000,
      description: 'the task acked once its hand-off was stored',
    });
    expect(await s.storedTasks(next.stream)).toEqual(['g0/next/2', 'g1/work/next']);
  });
});

describe('streams from before the limits', () => {
  it('are used as they are, with their other limits reported, and the agents start', async () => {
    const prefix = uniqueName('OLD');
    const { topology, queues } = isolatedTopology(prefix, ['work']);
    const settings = parseTransportSettings({ ...FAST, natsUrl: nats.url });
    const admin = await SwarmClient.connect(settings, topology);
    open.push(admin);
    for (const spec of topology.streams) {
      const old = {
        ...desiredStream(spec, settings),
        max_bytes: -1,
        max_msgs: -1,
        max_msg_size: -1,
        discard: 'old',
      };
      await admin.bus.jsm.streams.add(old as Parameters<typeof admin.bus.jsm.streams.add>[0]);
    }

    const warnings: string[] = [];
    const runtime = await AgentRuntime.start(
      {
        settings,
        topology,
        agentKind: 'worker',
        logger: { log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
      },
      [{ binding: defineQueue(queues['work']!, WorkTask), handler: () => Promise.resolve() }],
    );
    open.push({ close: () => runtime.stop() });
    expect(runtime.health().ready).toBe(true);
    const events = warnings.find((w) => w.startsWith(`stream ${topology.eventsStream} `));
    expect(events).toBe(
      `stream ${topology.eventsStream} has other limits than the settings ask for (max_bytes: has -1, wants ` +
        `${settings.eventsMaxBytes}; max_msgs: has -1, wants ${settings.eventsMaxMessages}; max_msg_size: has -1, ` +
        `wants ${settings.streamMaxMessageBytes}; discard: has "old", wants "new"); it was not changed and works ` +
        'as it is: apply the settings with nats stream edit, or set them to match',
    );
    expect(warnings).toHaveLength(topology.streams.length);
    const info = await admin.bus.jsm.streams.info(topology.eventsStream);
    expect(info.config).toMatchObject({ max_bytes: -1, max_msgs: -1, discard: 'old' });

    // Without limits the door has nothing to measure on these streams, and lets goals in.
    const { message } = buildGoalSubmitted('g1', { text: 'goal g1' });
    await expect(
      admin.submitGoal({ subject: topology.eventSubject('g1', 'goal.submitted'), message }),
    ).resolves.toMatchObject({ duplicate: false });
  });
});
