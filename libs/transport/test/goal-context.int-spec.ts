import { ARTIFACTS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { SwarmClient } from '../src/index.js';
import {
  CasConflictError,
  isolatedTopology,
  parseTransportSettings,
  SwarmClient as Client,
} from '../src/index.js';

let nats: NatsServerHandle;
let clients: SwarmClient[];

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('CTX'));
  const settings = parseTransportSettings({ natsUrl: nats.url, casMaxAttempts: 200 });
  clients = [await Client.connect(settings, topology, { provision: true })];
  for (let i = 0; i < 3; i++) clients.push(await Client.connect(settings, topology));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await nats.stop();
});

describe('goal context', () => {
  it('loses no update when concurrent writers on separate connections compare-and-set one key', async () => {
    const writers = await Promise.all(clients.map((c) => c.goal('cas')));
    await Promise.all(
      writers.flatMap((goal, writer) =>
        Array.from({ length: 15 }, (_, i) =>
          goal.update<{ count: number; seen: string[] }>('join', (current) => ({
            count: (current?.count ?? 0) + 1,
            seen: [...(current?.seen ?? []), `${writer}-${i}`],
          })),
        ),
      ),
    );
    const final = await writers[0]!.get<{ count: number; seen: string[] }>('join');
    expect(final?.value.count).toBe(60);
    expect(new Set(final?.value.seen).size).toBe(60);
  });

  it('creates a key for exactly one of several racing creators', async () => {
    const contexts = await Promise.all(clients.map((c) => c.goal('once')));
    const results = await Promise.all(contexts.map((goal, i) => goal.create('owner', { writer: i })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)!.value;
    for (const result of results) expect(result.value).toEqual(winner);
  });

  it('leaves a value unchanged when the update returns undefined', async () => {
    const goal = await clients[0]!.goal('noop');
    await goal.create('k', { v: 1 });
    const result = await goal.update<{ v: number }>('k', () => undefined);
    expect(result).toMatchObject({ changed: false, value: { v: 1 } });
  });

  it('gives up with a retryable error when it keeps losing, and every win is counted', async () => {
    const { topology } = isolatedTopology(uniqueName('CTX1'));
    const stingy = await Client.connect(
      parseTransportSettings({ natsUrl: nats.url, casMaxAttempts: 1 }),
      topology,
      { provision: true },
    );
    try {
      const goal = await stingy.goal('lose');
      await goal.create('k', 0);
      // Ten writers read the same revision; the server takes the first write and refuses the rest.
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => goal.update<number>('k', (n) => (n ?? 0) + 1)),
      );
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(lost.length).toBeGreaterThan(0);
      for (const { reason } of lost) {
        expect(reason).toBeInstanceOf(CasConflictError);
        expect(reason).toMatchObject({ retryable: true, code: 'cas-conflict' });
      }
      expect((await goal.get<number>('k'))?.value).toBe(10 - lost.length);
    } finally {
      await stingy.close();
    }
  });

  it('stores and reads back a large artifact', async () => {
    const goal = await clients[1]!.goal('artifact');
    const bytes = new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 251);
    const stored = await goal.putArtifact(ARTIFACTS.reportHtml, bytes);
    expect(stored).toEqual({ name: 'artifact/report.html', created: true });
    const other = await clients[2]!.goal('artifact');
    expect(await other.getArtifact(ARTIFACTS.reportHtml)).toEqual(bytes);
    expect(await other.getArtifact(ARTIFACTS.reportMarkdown)).toBeUndefined();
  });

  it('lists the keys under a prefix with their revisions, in the order every reader agrees on', async () => {
    const goal = await clients[0]!.goal('listing');
    const bob = await goal.create('decision.bob', { outcome: 'granted' });
    const alice = await (await clients[1]!.goal('listing')).create('decision.alice', { outcome: 'rejected' });
    await goal.create('decisions-not', { other: true });
    const listed = await (await clients[2]!.goal('listing')).list('decision.');
    expect(listed).toEqual([
      { key: 'decision.alice', value: { outcome: 'rejected' }, revision: alice.revision },
      { key: 'decision.bob', value: { outcome: 'granted' }, revision: bob.revision },
    ]);
    expect(bob.revision).toBeLessThan(alice.revision);
  });

  it('refuses a key that is not a valid KV key', async () => {
    const goal = await clients[0]!.goal('keys');
    await expect(goal.get('bad key!')).rejects.toThrow(/invalid goal context key "bad key!"/);
  });
});
