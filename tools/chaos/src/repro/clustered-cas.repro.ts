import type { NatsClusterHandle, NatsServerHandle } from '@swarm/testing';
import { startNats, startNatsCluster } from '@swarm/testing';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';

/** What the compare-and-set race reproduction found. */
export interface CasRaceReport {
  readonly target: 'cluster' | 'single';
  readonly serverVersion: string;
  readonly rounds: number;
  /** Rounds where one of the two concurrent updates vanished (the join ended with one slot). */
  readonly lostUpdates: number;
  /** Rounds where not exactly one update saw itself complete the join (0: nobody emits rank; 2: both do). */
  readonly wrongCompletions: number;
}

interface Join {
  readonly expected: number;
  readonly landed: Readonly<Record<string, true>>;
}

const land =
  (slot: string) =>
  (join: Join | undefined): Join | undefined =>
    join && !join.landed[slot] ? { ...join, landed: { ...join.landed, [slot]: true } } : undefined;

/**
 * Reproduces, with nothing but the transport's GoalContext, what the first scrape join did (replaced by the slot
 * join, docs/adr/0002-slot-join.md): two replicas land the two scrapes of a goal at the same moment, each by
 * compare-and-set (`GoalContext.update`) on one shared `join` key. Correct: exactly one of the two sees itself
 * complete the join, and the join holds both slots. On a JetStream cluster whose server does not serialize
 * `Nats-Expected-Last-Subject-Sequence` (nats-server before 2.9.21, nats-io/nats-server#4320), both updates
 * can succeed against the same revision, one overwrites the other, and neither sees the join complete. Any
 * compare-and-set on the goal context has that exposure on such servers.
 */
export async function runClusteredCasRace(
  target: 'cluster' | 'single',
  rounds: number,
): Promise<CasRaceReport> {
  const server: NatsClusterHandle | NatsServerHandle =
    target === 'cluster' ? await startNatsCluster({ size: 3 }) : await startNats({ forceSpawn: true });
  const replicas = target === 'cluster' ? 3 : 1;
  const settings = (instanceId: string) =>
    parseTransportSettings({ natsUrl: server.url, instanceId, replicas });
  const clients: SwarmClient[] = [];
  try {
    clients.push(await SwarmClient.connect(settings('replica-a'), swarmTopology(), { provision: true }));
    clients.push(await SwarmClient.connect(settings('replica-b'), swarmTopology()));
    const [a, b] = clients as [SwarmClient, SwarmClient];
    let lostUpdates = 0;
    let wrongCompletions = 0;
    for (let round = 0; round < rounds; round++) {
      const goalId = `cas-race-${Date.now().toString(36)}-${round}`;
      const [ga, gb] = await Promise.all([a.goal(goalId), b.goal(goalId)]);
      await ga.create<Join>('join', { expected: 2, landed: {} });
      const results = await Promise.all([
        ga.update<Join>('join', land('0')),
        gb.update<Join>('join', land('1')),
      ]);
      const final = (await ga.get<Join>('join'))?.value;
      if (!final || Object.keys(final.landed).length !== 2) lostUpdates += 1;
      const completedBy = results.filter((r) => r.changed && Object.keys(r.value?.landed ?? {}).length === 2);
      if (completedBy.length !== 1) wrongCompletions += 1;
    }
    return {
      target,
      serverVersion: a.bus.features.version,
      rounds,
      lostUpdates,
      wrongCompletions,
    };
  } finally {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    await server.stop();
  }
}
