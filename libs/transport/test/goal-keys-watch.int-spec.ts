import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { GoalKeyChange } from '../src/index.js';
import { AgentRuntime, isolatedTopology, parseTransportSettings, SwarmClient } from '../src/index.js';

let nats: NatsServerHandle;
let client: SwarmClient;
let runtime: AgentRuntime;

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('WATCH'));
  const settings = parseTransportSettings({ natsUrl: nats.url });
  client = await SwarmClient.connect(settings, topology, { provision: true });
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  runtime = await AgentRuntime.start({ settings, topology, agentKind: 'watcher', logger: quiet }, []);
});

afterAll(async () => {
  await runtime?.stop();
  await client?.close();
  await nats?.stop();
});

describe('watchGoalKeys', () => {
  it('replays the current values of the matching keys, then each change, and nothing else', async () => {
    const before = await client.goal('g-before');
    await before.create('approval', { n: 1 });
    await before.create('spec', { ignored: true });
    const seen: GoalKeyChange[] = [];
    const watch = await runtime.watchGoalKeys(
      ['*.approval', '*.decision.*'],
      (change) => void seen.push(change),
      (error) => {
        throw error;
      },
    );
    try {
      await waitFor(() => seen.length === 1, { description: 'the replayed approval' });
      const after = await client.goal('g-after');
      await after.create('decision.alice', { outcome: 'granted' });
      await after.create('usage.report.x', { ignored: true });
      await before.update('approval', () => ({ n: 2 }));
      await waitFor(() => seen.length === 3, { description: 'two changes' });
      expect(seen.map(({ goalId, key, value, operation }) => ({ goalId, key, value, operation }))).toEqual([
        { goalId: 'g-before', key: 'approval', value: { n: 1 }, operation: 'PUT' },
        { goalId: 'g-after', key: 'decision.alice', value: { outcome: 'granted' }, operation: 'PUT' },
        { goalId: 'g-before', key: 'approval', value: { n: 2 }, operation: 'PUT' },
      ]);
      expect(seen[1]!.isUpdate).toBe(true);
      expect(seen[2]!.revision).toBeGreaterThan(seen[1]!.revision);
    } finally {
      watch.stop();
      await watch.closed;
    }
  });
});
