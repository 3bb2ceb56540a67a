import { CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';
import { runGoal } from '../src/index.js';
import type { E2eSwarm } from './e2e-harness.js';
import { claimants, finish, startSwarm } from './e2e-harness.js';
import type { ReceivedMail, ReceivedWebhook } from './receivers.js';
import { startSmtpReceiver, startWebhookReceiver } from './receivers.js';

const SECRET = 'e2e-webhook-secret-0123456789';
const quiet = () => undefined;

let nats: NatsServerHandle;
let swarm: E2eSwarm;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
/** Goals whose first delivery SIGKILLs the communications replica that sent it, before the receiver answers. */
const killOnArrival = new Set<string>();

/**
 * SIGKILLs every live communications replica (the one that is sending), then starts a new one, which gets the
 * report task redelivered once its claim expires.
 */
async function killTheSender(goalId: string): Promise<void> {
  if (!killOnArrival.delete(goalId)) return;
  const live = swarm.stack.agents.filter(
    (agent) =>
      agent.kind === 'communications' && agent.child.exitCode === null && agent.child.signalCode === null,
  );
  for (const agent of live) agent.child.kill('SIGKILL');
  await Promise.all(live.map((agent) => agent.exited));
  await swarm.stack.addAgent('communications');
}

const goalOfMail = (mail: ReceivedMail): string | undefined =>
  /^x-swarm-goal-id: (\S+)\r?$/im.exec(mail.raw)?.[1];

beforeAll(async () => {
  nats = await startNats();
  webhook = await startWebhookReceiver(SECRET, {
    beforeAnswer: (hook: ReceivedWebhook) => killTheSender(hook.goalId),
  });
  smtp = await startSmtpReceiver({
    beforeAccept: (mail) => killTheSender(goalOfMail(mail) ?? ''),
  });
  swarm = await startSwarm(
    nats.url,
    {},
    {
      DELIVERY_SINKS: 'webhook,email',
      WEBHOOK_URL: webhook.url,
      // The receiver is on loopback, which the webhook sink refuses unless allowed.
      WEBHOOK_ALLOW_HOSTS: new URL(webhook.url).host,
      WEBHOOK_SECRET: SECRET,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'swarm@example.test',
      SMTP_TO: 'team@example.test',
    },
  );
}, 120_000);

afterAll(async () => {
  await swarm?.stop();
  await webhook?.close();
  await smtp?.close();
  await nats?.stop();
});

/** Submits a goal delivered to one sink, marked so its first delivery kills the sender; returns its end. */
async function goalWhoseSenderDies(sink: 'webhook' | 'email', id: string) {
  const goalId = `ledger-${sink}-${id}`;
  killOnArrival.add(goalId);
  await runGoal(
    swarm.client,
    'agent memory',
    { wait: false, timeout: 60_000, deliverTo: [sink], id: goalId },
    quiet,
  );
  const { final, events } = await finish(swarm.client, goalId, 90_000);
  return { goalId, final, events };
}

/** The goal's ledger record of its delivery to `sink`. */
async function effectOf(goalId: string, sink: string): Promise<unknown> {
  const goal = await swarm.client.goal(goalId);
  return (await goal.get(CONTEXT_KEYS.effect('report', 'deliver', sink)))?.value;
}

describe('the side-effect ledger with a replica SIGKILLed after acting', () => {
  it('resends a webhook with the same key, and the receiver applies it exactly once', async () => {
    const { goalId, final, events } = await goalWhoseSenderDies('webhook', Date.now().toString(36));
    expect(killOnArrival.has(goalId)).toBe(false);
    expect(new Set(claimants(events, 'report')).size).toBe(2);
    const copies = webhook.received.filter((r) => r.goalId === goalId);
    // The redelivery found the send started, not recorded, and sent again with the same key: applied once.
    expect(copies).toHaveLength(2);
    const applied = new Set(copies.map((copy) => copy.idempotencyKey));
    expect([...applied]).toEqual([`${goalId}/report`]);
    expect(final.type).toBe('goal.completed');
    expect(final.body['deliveredTo']).toEqual(['webhook']);
    expect(final.body['uncertainDeliveries']).toBeUndefined();
    expect(await effectOf(goalId, 'webhook')).toMatchObject({ state: 'done', starts: 2 });
  }, 120_000);

  it('does not resend an email, and names it uncertain with its idempotency key', async () => {
    const { goalId, final, events } = await goalWhoseSenderDies('email', Date.now().toString(36));
    expect(killOnArrival.has(goalId)).toBe(false);
    expect(new Set(claimants(events, 'report')).size).toBe(2);
    expect(smtp.received.filter((mail) => goalOfMail(mail) === goalId)).toHaveLength(1);
    expect(final.type).toBe('goal.completed');
    expect(final.body['deliveredTo']).toEqual([]);
    expect(final.body['uncertainDeliveries']).toEqual([
      expect.objectContaining({ target: 'email', idempotencyKey: `${goalId}/report` }),
    ]);
    expect(await effectOf(goalId, 'email')).toMatchObject({ state: 'uncertain', starts: 1 });
  }, 120_000);
});
