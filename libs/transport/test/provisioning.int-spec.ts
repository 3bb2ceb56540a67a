import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import {
  AgentRuntime,
  defineQueue,
  isolatedTopology,
  parseTransportSettings,
  SwarmClient,
  TopologyConflictError,
} from '../src/index.js';
import { WorkTask } from '../src/testing/index.js';

let nats: NatsServerHandle;

beforeAll(async () => {
  nats = await startNats();
});

afterAll(async () => {
  await nats.stop();
});

function runtime(prefix: string, settings = {}) {
  const { topology, queues } = isolatedTopology(prefix, ['work']);
  return AgentRuntime.start(
    {
      settings: parseTransportSettings({ natsUrl: nats.url, pullExpiresMs: 1_000, ...settings }),
      topology,
      agentKind: 'worker',
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    },
    [{ binding: defineQueue(queues['work']!, WorkTask), handler: () => Promise.resolve() }],
  );
}

describe('provisioning', () => {
  it('creates streams, consumers and buckets once and accepts them on every later start, even concurrent ones', async () => {
    const prefix = uniqueName('PROV');
    const replicas = await Promise.all([runtime(prefix), runtime(prefix), runtime(prefix)]);
    expect(replicas.every((r) => r.health().ready)).toBe(true);
    const { topology } = isolatedTopology(prefix, ['work']);
    const streams = await replicas[0].bus.jsm.streams.names().next();
    for (const spec of topology.streams) expect(streams).toContain(spec.name);
    await Promise.all(replicas.map((r) => r.stop()));
    const again = await runtime(prefix);
    expect(again.health()).toMatchObject({
      connected: true,
      ready: true,
      queues: [{ queue: 'work', bound: true, inFlight: 0 }],
    });
    await again.stop();
    expect(again.health().connected).toBe(false);
  });

  it('reports a consumer whose limits differ from the settings and leaves it unchanged', async () => {
    const prefix = uniqueName('PROV');
    await (await runtime(prefix, { maxDeliver: 3 })).stop();

    const attempt = runtime(prefix, { maxDeliver: 7 });
    await expect(attempt).rejects.toBeInstanceOf(TopologyConflictError);
    await expect(attempt).rejects.toThrow(
      /consumer .*work-worker exists with a conflicting config \(max_deliver: has 3, wants 7\)/,
    );
    const { topology, queues } = isolatedTopology(prefix, ['work']);
    const client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology);
    expect(
      (await client.bus.jsm.consumers.info(queues['work']!.stream, 'work-worker')).config.max_deliver,
    ).toBe(3);
    await client.close();
  });

  it('reports a stream with another retention instead of changing it', async () => {
    const prefix = uniqueName('PROV');
    const { topology, queues } = isolatedTopology(prefix, ['work']);
    const client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology);
    await client.bus.jsm.streams.add({
      name: queues['work']!.stream,
      subjects: [queues['work']!.filterSubject],
    });
    await client.close();
    await expect(runtime(prefix)).rejects.toThrow(
      /stream .*_WORK exists with a conflicting config \(.*retention: has "limits", wants "workqueue"/,
    );
  });

  it('says clearly when no server answers', async () => {
    await expect(runtime(uniqueName('PROV'), { natsUrl: 'nats://127.0.0.1:1' })).rejects.toThrow(
      /cannot reach nats at nats:\/\/127\.0\.0\.1:1/,
    );
  });
});
