import type { ScrapeOutcome } from '@swarm/contracts';
import type { NatsClusterHandle, NatsServerHandle } from '@swarm/testing';
import { startNats, startNatsCluster, uniqueName } from '@swarm/testing';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '@swarm/transport';
import type { JoinLanding } from './slot-join.js';
import { landInJoin } from './slot-join.js';

const outcome = (index: number, note = 'first'): ScrapeOutcome => ({
  ok: false,
  candidateId: `c${index}`,
  taskId: `g/scrape/${index}`,
  url: `http://127.0.0.1/${index}`,
  error: { code: 'http-404', message: note, retryable: false },
});

/** Two or more replicas (one client each) land every slot of fresh goals at the same moment. */
async function raceRounds(clients: readonly SwarmClient[], rounds: number, width: number) {
  const results: JoinLanding[][] = [];
  for (let round = 0; round < rounds; round++) {
    const goalId = uniqueName('join');
    const contexts = await Promise.all(clients.map((client) => client.goal(goalId)));
    results.push(
      await Promise.all(
        Array.from({ length: width }, (_, index) =>
          landInJoin(
            contexts[index % contexts.length]!,
            { candidateIndex: index, candidateCount: width },
            outcome(index),
          ),
        ),
      ),
    );
  }
  return results;
}

/** Rounds in which no landing both stored its slot and saw the join complete: that goal would never rank. */
const stuckRounds = (results: JoinLanding[][]) =>
  results.filter((round) => !round.some((landing) => landing.complete && landing.storedByThis)).length;

describe('the slot join on one server', () => {
  let nats: NatsServerHandle;
  const clients: SwarmClient[] = [];

  beforeAll(async () => {
    nats = await startNats();
    const { topology } = isolatedTopology(uniqueName('JOIN'));
    const settings = parseTransportSettings({ natsUrl: nats.url });
    clients.push(await SwarmClient.connect(settings, topology, { provision: true }));
    clients.push(await SwarmClient.connect(settings, topology));
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await nats.stop();
  });

  it('completes every join exactly when its last slot lands, with all slots in candidate order', async () => {
    const rounds = await raceRounds(clients, 20, 5);
    expect(stuckRounds(rounds)).toBe(0);
    for (const round of rounds) {
      expect(round.every((landing) => landing.storedByThis)).toBe(true);
      const complete = round.find((landing) => landing.complete);
      expect(complete?.complete && complete.slots.map((slot) => slot.candidateId)).toEqual([
        'c0',
        'c1',
        'c2',
        'c3',
        'c4',
      ]);
    }
  });

  it('reports an incomplete join to a scrape whose siblings have not landed', async () => {
    const goal = await clients[0]!.goal(uniqueName('half'));
    const landing = await landInJoin(goal, { candidateIndex: 1, candidateCount: 3 }, outcome(1));
    expect(landing).toEqual({ complete: false, storedByThis: true });
  });

  it('keeps the first outcome of a slot when a redelivered scrape lands again', async () => {
    const goal = await clients[0]!.goal(uniqueName('again'));
    await landInJoin(goal, { candidateIndex: 0, candidateCount: 2 }, outcome(0, 'first'));
    await landInJoin(goal, { candidateIndex: 1, candidateCount: 2 }, outcome(1, 'first'));
    const repeat = await landInJoin(goal, { candidateIndex: 0, candidateCount: 2 }, outcome(0, 'second'));
    expect(repeat.complete && repeat.storedByThis).toBe(false);
    expect(repeat.complete && repeat.slots[0]).toMatchObject({ error: { message: 'first' } });
  });
});

describe('the slot join on a 3-node JetStream cluster with R3 buckets', () => {
  let cluster: NatsClusterHandle;
  const clients: SwarmClient[] = [];

  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
    const { topology } = isolatedTopology(uniqueName('JOINR3'));
    const settings = (instanceId: string) =>
      parseTransportSettings({ natsUrl: cluster.url, instanceId, replicas: 3 });
    clients.push(await SwarmClient.connect(settings('a'), topology, { provision: true }));
    clients.push(await SwarmClient.connect(settings('b'), topology));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await cluster.stop();
  });

  // On nats-server before 2.9.21 a compare-and-set join lost one of two racing landings in about 40% of rounds
  // here (nats-io/nats-server#4320); slots written once each by distinct writers cannot be overwritten that way.
  it('runs on a goals bucket replicated three times', async () => {
    const info = await clients[0]!.bus.jsm.streams.info(`KV_${clients[0]!.topology.goalsBucket}`);
    expect(info.config.num_replicas).toBe(3);
    expect(info.cluster?.replicas).toHaveLength(2);
  });

  it('completes every join when two replicas land its two slots at the same moment', async () => {
    const rounds = await raceRounds(clients, 60, 2);
    expect(stuckRounds(rounds)).toBe(0);
    expect(rounds.every((round) => round.every((landing) => landing.storedByThis))).toBe(true);
  }, 120_000);

  it('completes every join of a wider fan-out landing at once', async () => {
    const rounds = await raceRounds(clients, 30, 5);
    expect(stuckRounds(rounds)).toBe(0);
  }, 120_000);
});
