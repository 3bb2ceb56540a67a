import type { ConfiguredNatsServer } from '@swarm/testing';
import { startConfiguredNats, uniqueName, waitFor } from '@swarm/testing';
import type { TransportSettingsInput } from '../src/index.js';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '../src/index.js';
import { workTask } from '../src/testing/index.js';
import type { Replica } from './harness.js';
import { FAST, startReplica } from './harness.js';
import { violations } from './secure-bus.js';

/**
 * A user that may publish anywhere but subscribe only under its own reply prefix: every reply the transport
 * waits for (requests, JetStream acks, pull consumers, ordered consumers behind KV and object store reads)
 * must arrive on `_INBOX_agent.>`, or the server logs a subscription violation.
 */
const CONFIG = `
accounts {
  SWARM {
    jetstream: enabled
    users: [
      {
        user: agent
        password: agent-password
        permissions: { publish: { allow: [">"] }, subscribe: { allow: ["_INBOX_agent.>"] } }
      }
    ]
  }
}
`;
const AGENT: TransportSettingsInput = { natsUser: 'agent', natsPassword: 'agent-password' };

let nats: ConfiguredNatsServer;

beforeAll(async () => {
  nats = await startConfiguredNats({ config: CONFIG });
});

afterAll(async () => {
  await nats?.stop();
});

describe('per-user reply prefix', () => {
  let client: SwarmClient;
  let replica: Replica | undefined;
  const prefix = uniqueName('INBOX');
  const { topology, queues } = isolatedTopology(prefix, ['work', 'next']);

  beforeAll(async () => {
    const settings = parseTransportSettings({ ...AGENT, natsUrl: nats.url });
    expect(settings.natsInboxPrefix).toBe('_INBOX_agent');
    client = await SwarmClient.connect(settings, topology, { provision: true });
  });

  afterAll(async () => {
    await replica?.close();
    await client?.close();
  });

  it('keeps every reply of the client on _INBOX_<user>: publish acks, stream reads, KV and object store', async () => {
    const goalId = 'g-inbox';
    const body = (n: number) => new TextEncoder().encode(JSON.stringify({ goalId, n }));
    await client.publishRaw(topology.eventSubject(goalId, 'goal.submitted'), body(1), `${goalId}/1`);
    await client.publishRaw(topology.eventSubject(goalId, 'task.claimed'), body(2), `${goalId}/2`);

    expect((await client.goalEvents(goalId)).map((m) => m.body)).toEqual([
      { goalId, n: 1 },
      { goalId, n: 2 },
    ]);
    const last = await client.readStream(topology.eventsStream, topology.goalEventsSubject(goalId), {
      lastPerSubject: true,
      headersOnly: true,
    });
    expect(last).toHaveLength(2);
    expect(
      (await client.readMessage(topology.eventsStream, { first: topology.goalEventsSubject(goalId) }))?.body,
    ).toEqual({ goalId, n: 1 });

    const abort = new AbortController();
    for await (const event of client.followEvents(topology.goalEventsSubject(goalId), abort.signal)) {
      expect(event.body).toEqual({ goalId, n: 1 });
      abort.abort();
      break;
    }

    const goal = await client.goal(goalId);
    await goal.create('usage.search', { tokens: 1 });
    await goal.update<{ tokens: number }>('usage.search', (current) => ({
      tokens: (current?.tokens ?? 0) + 1,
    }));
    expect(await goal.get('usage.search')).toMatchObject({ value: { tokens: 2 } });
    expect((await goal.list('usage.')).map((entry) => entry.key)).toEqual(['usage.search']);
    await goal.putArtifact('ranking.json', JSON.stringify({ top: [1, 2, 3] }));
    expect(new TextDecoder().decode(await goal.getArtifact('ranking.json'))).toBe('{"top":[1,2,3]}');

    expect(violations(nats.log)).toEqual([]);
  });

  it('keeps a worker’s pull consumer, heartbeats, hand-offs and dead letters on _INBOX_<user>', async () => {
    replica = await startReplica(nats.url, prefix, { ...FAST, ...AGENT }, 'inbox-replica');
    const publishWork = (taskId: string, work: Parameters<typeof workTask>[2]) =>
      client.publish({ subject: queues['work']!.filterSubject, message: workTask('g-work', taskId, work) });
    await publishWork('g-work/slow', { ms: 1_200 });
    await publishWork('g-work/broken', { permanentFailure: true });

    await waitFor(
      async () => (await client.bus.jsm.streams.info(queues['next']!.stream)).state.messages === 1,
      {
        timeoutMs: 20_000,
        description: 'the slow task handed off',
      },
    );
    const deadLetters = await waitFor(
      async () => {
        const records = await client.deadLetters();
        return records.length === 1 ? records : undefined;
      },
      { timeoutMs: 20_000, description: 'the broken task dead-lettered' },
    );
    expect(deadLetters[0]?.taskId).toBe('g-work/broken');
    expect(await client.pending(queues['work']!.stream, queues['work']!.durable)).toMatchObject({
      pending: 0,
    });
    expect(replica.seen.filter((s) => s.event === 'finished').map((s) => s.taskId)).toEqual(['g-work/slow']);

    expect(violations(nats.log)).toEqual([]);
  });
});

describe('the shared default prefix', () => {
  it('is refused for a user allowed only its own prefix (so the test above can fail)', async () => {
    const settings = parseTransportSettings({
      ...AGENT,
      natsUrl: nats.url,
      natsInboxPrefix: '_INBOX',
      connectTimeoutMs: 2_000,
    });
    const { topology } = isolatedTopology(uniqueName('SHARED'));
    await expect(SwarmClient.connect(settings, topology)).rejects.toThrow(
      /denied a permission .*Permissions Violation for Subscription to "_INBOX\./,
    );
    await waitFor(() => violations(nats.log).some((line) => /Subscription Violation.*"_INBOX\./.test(line)), {
      timeoutMs: 5_000,
      description: 'the server logging the subscription violation',
    });
  });
});
