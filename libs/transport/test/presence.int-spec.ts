import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { BusTopology, TransportSettings } from '../src/index.js';
import { AgentRuntime, isolatedTopology, parseTransportSettings, SwarmClient } from '../src/index.js';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

let nats: NatsServerHandle;
let client: SwarmClient;
let topology: BusTopology;
let settings: TransportSettings;
const runtimes: AgentRuntime[] = [];

/** A replica of `kind` with its own instance id (no queues: presence does not depend on them). */
async function replica(kind: string, instance: string): Promise<AgentRuntime> {
  const runtime = await AgentRuntime.start(
    { settings: { ...settings, instanceId: instance }, topology, agentKind: kind, logger: quiet },
    [],
  );
  runtimes.push(runtime);
  return runtime;
}

const live = async () =>
  (await client.livePresence()).map((record) => `${record.kind}/${record.instance}`).sort();

beforeAll(async () => {
  nats = await startNats();
  ({ topology } = isolatedTopology(uniqueName('PRESENCE')));
  // The bucket's max age: 3 s, so a replica that stopped refreshing drops out quickly.
  settings = parseTransportSettings({ natsUrl: nats.url, presenceTtlMs: 3_000 });
  client = await SwarmClient.connect(settings, topology, { provision: true });
});

afterAll(async () => {
  for (const runtime of runtimes) await runtime.stop();
  await client?.close();
  await nats?.stop();
});

describe('live replicas (presence records)', () => {
  it('lists each running replica once, by kind and instance, and drops one that stopped', async () => {
    await replica('scraper', 'scraper-a');
    const leaving = await replica('scraper', 'scraper.b.example.com-2');
    await replica('ranker', 'ranker-a');
    expect(await live()).toEqual(['ranker/ranker-a', 'scraper/scraper-a', 'scraper/scraper.b.example.com-2']);

    await leaving.stop();
    expect(await live()).toEqual(['ranker/ranker-a', 'scraper/scraper-a']);
  });

  it('keeps a running replica past the bucket max age, and drops one that died without stopping', async () => {
    const crashed = await replica('search', 'search-crashed');
    expect(await live()).toContain('search/search-crashed');
    // Gone without a word: its connection closes, so nobody refreshes or deletes its record.
    await crashed.bus.close();
    await waitFor(async () => !(await live()).includes('search/search-crashed'), {
      timeoutMs: 15_000,
      description: 'the crashed replica dropped by the max age',
    });
    // The others refreshed their records (every second) all along.
    expect(await live()).toEqual(['ranker/ranker-a', 'scraper/scraper-a']);
  });
});
