import { CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, waitFor } from '@swarm/testing';
import { runGoal } from '../src/index.js';
import type { E2eSwarm } from './e2e-harness.js';
import { claimants, finish, rankingOf, startSwarm } from './e2e-harness.js';
import { startWebhookReceiver } from './receivers.js';

const SECRET = 'e2e-webhook-secret-0123456789';
let nats: NatsServerHandle;
let swarm: E2eSwarm;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  nats = await startNats();
  webhook = await startWebhookReceiver(SECRET);
  swarm = await startSwarm(
    nats.url,
    { scraper: 2 },
    {
      SWARM_IN_FLIGHT: '1',
      DELIVERY_SINKS: 'webhook',
      WEBHOOK_URL: webhook.url,
      // The receiver is on loopback, which the webhook sink refuses unless allowed.
      WEBHOOK_ALLOW_HOSTS: new URL(webhook.url).host,
      WEBHOOK_SECRET: SECRET,
    },
  );
}, 120_000);

afterAll(async () => {
  await swarm?.stop();
  await webhook?.close();
  await nats?.stop();
});

describe('a scraper SIGKILLed mid-scrape', () => {
  it('neither loses nor duplicates anything: another replica takes the page, one report is delivered once', async () => {
    const probe = await runGoal(
      swarm.client,
      'agent memory',
      { wait: true, timeout: 60_000 },
      () => undefined,
    );
    const candidates = (await (
      await swarm.client.goal(probe.goalId)
    ).get<{ id: string }[]>(CONTEXT_KEYS.candidates))!.value;
    const slow = candidates[0]!.id;
    swarm.stack.docs.setFaults({ delayMs: { [slow]: 8_000 } });

    const { goalId } = await runGoal(
      swarm.client,
      'agent memory',
      { wait: false, timeout: 60_000 },
      () => undefined,
    );
    const victimInstance = await waitFor(
      async () => {
        const events = (await swarm.client.goalEvents(goalId)).map(
          (m) => m.body as { type: string; taskId: string; agent?: { instance: string } },
        );
        return events.find((e) => e.type === 'task.claimed' && e.taskId === `${goalId}/scrape/0`)?.agent
          ?.instance;
      },
      { timeoutMs: 20_000, description: 'the slow page claimed' },
    );
    await waitFor(() => swarm.stack.docs.requests().some((r) => r.path.includes(slow)), {
      description: 'the slow page requested',
    });
    const victim = swarm.stack.agents.find((agent) => agent.instance === victimInstance)!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    swarm.stack.docs.setFaults({});
    await swarm.stack.addAgent('scraper');

    const { final, events } = await finish(swarm.client, goalId);
    expect(final.body['outcome']).toBe('delivered');
    const ranking = await rankingOf(swarm.client, goalId);
    expect(ranking.missing).toEqual([]);
    expect(ranking.considered).toBe(candidates.length);
    const slowClaims = events.filter(
      (e) => e.type === 'task.claimed' && e.body['taskId'] === `${goalId}/scrape/0`,
    );
    expect(slowClaims.map((e) => e.body['deliveryCount'])).toEqual([1, 2]);
    expect(new Set(claimants(events, 'scrape').filter((i) => i === victimInstance)).size).toBe(1);
    expect(
      events.filter((e) => e.type === 'task.completed' && e.body['taskId'] === `${goalId}/scrape/0`),
    ).toHaveLength(1);
    expect(events.filter((e) => e.type === 'task.claimed' && e.body['queue'] === 'rank')).toHaveLength(1);
    await waitFor(() => webhook.received.some((r) => r.goalId === goalId), {
      description: 'webhook delivery',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(webhook.received.filter((r) => r.goalId === goalId)).toHaveLength(1);
  });
});
