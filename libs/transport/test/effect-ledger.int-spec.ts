import type { EffectAttempt, EffectRecord } from '@swarm/contracts';
import { CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { GoalContext, SideEffect, SwarmClient } from '../src/index.js';
import {
  EffectLedger,
  isolatedTopology,
  parseTransportSettings,
  SwarmClient as Client,
  TaskError,
} from '../src/index.js';

let nats: NatsServerHandle;
let clients: SwarmClient[];
const REPLICAS = 8;
const never = new AbortController().signal;

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('EFFECTS'));
  const settings = parseTransportSettings({ natsUrl: nats.url, casMaxAttempts: 500 });
  clients = [await Client.connect(settings, topology, { provision: true })];
  for (let i = 1; i < REPLICAS; i++) clients.push(await Client.connect(settings, topology));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await nats.stop();
});

const attempt = (replica: number, deliveryCount: number): EffectAttempt => ({
  agent: { kind: 'communications', instance: `communications-${replica}` },
  deliveryCount,
});

/** The ledger of one attempt (replica `replica`, delivery `deliveryCount`) on a goal, each on its own connection. */
async function ledgerOf(goalId: string, replica: number, deliveryCount: number): Promise<EffectLedger> {
  const goal = await clients[replica % REPLICAS]!.goal(goalId);
  return new EffectLedger(goal, 'report', attempt(replica, deliveryCount), never);
}

async function recordOf(goalId: string, effect: SideEffect): Promise<EffectRecord | undefined> {
  const goal: GoalContext = await clients[0]!.goal(goalId);
  return (await goal.get<EffectRecord>(CONTEXT_KEYS.effect('report', effect.tool, effect.target)))?.value;
}

const mail = (goalId: string): SideEffect => ({
  tool: 'deliver',
  target: 'email',
  idempotencyKey: `${goalId}/report`,
  repeatable: false,
});
const hook = (goalId: string): SideEffect => ({ ...mail(goalId), target: 'webhook', repeatable: true });

/** An act that counts its calls and the keys it was given. */
function counter() {
  const keys: string[] = [];
  return {
    keys,
    act: (key: string) => {
      keys.push(key);
      return Promise.resolve({ detail: `sent #${keys.length}` });
    },
  };
}

/** An act whose replica "dies" while acting: it never returns, so nothing after the act is recorded. */
const dies = (keys: string[]) => (key: string) => {
  keys.push(key);
  return new Promise<never>(() => undefined);
};

describe('the side-effect ledger', () => {
  it('acts once and gives a redelivery the recorded result instead of acting again', async () => {
    const goalId = uniqueName('done');
    const sent = counter();
    const first = await (await ledgerOf(goalId, 0, 1)).perform(mail(goalId), sent.act);
    const again = await (await ledgerOf(goalId, 1, 2)).perform(mail(goalId), sent.act);
    expect(first).toMatchObject({ status: 'acted', result: { detail: 'sent #1' } });
    expect(again).toMatchObject({ status: 'reused', result: { detail: 'sent #1' } });
    expect(sent.keys).toEqual([`${goalId}/report`]);
    expect(await recordOf(goalId, mail(goalId))).toMatchObject({ state: 'done', starts: 1 });
  });

  it('lets one of 8 racing replicas act on an effect that is not safe to repeat', async () => {
    const goalId = uniqueName('race');
    const sent = counter();
    const racers = await Promise.all(clients.map((_, replica) => ledgerOf(goalId, replica, 1)));
    const outcomes = await Promise.all(racers.map((ledger) => ledger.perform(mail(goalId), sent.act)));
    expect(sent.keys).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'acted')).toHaveLength(1);
    expect(await recordOf(goalId, mail(goalId))).toMatchObject({ state: 'done', starts: 1 });
  });

  it('marks an effect whose replica died after starting as uncertain, with its key, and does not act', async () => {
    const goalId = uniqueName('uncertain');
    const keys: string[] = [];
    void (await ledgerOf(goalId, 0, 1)).perform(mail(goalId), dies(keys));
    await waitForState(goalId, mail(goalId), 'started');
    const sent = counter();
    const redelivery = await (await ledgerOf(goalId, 1, 2)).perform(mail(goalId), sent.act);
    expect(redelivery).toMatchObject({
      status: 'uncertain',
      uncertain: { target: 'email', idempotencyKey: `${goalId}/report`, instance: 'communications-0' },
    });
    expect(sent.keys).toEqual([]);
    expect(await recordOf(goalId, mail(goalId))).toMatchObject({
      state: 'uncertain',
      heldBy: attempt(1, 2),
    });
    const later = await (await ledgerOf(goalId, 2, 3)).perform(mail(goalId), sent.act);
    expect(later.status).toBe('uncertain');
    expect(sent.keys).toEqual([]);
  });

  it('acts again with the same key when an effect safe to repeat was started by a replica that died', async () => {
    const goalId = uniqueName('repeat');
    const keys: string[] = [];
    void (await ledgerOf(goalId, 0, 1)).perform(hook(goalId), dies(keys));
    await waitForState(goalId, hook(goalId), 'started');
    const sent = counter();
    const changedKey = { ...hook(goalId), idempotencyKey: 'another-key' };
    const redelivery = await (await ledgerOf(goalId, 1, 2)).perform(changedKey, sent.act);
    expect(redelivery).toMatchObject({ status: 'acted', idempotencyKey: `${goalId}/report` });
    expect(sent.keys).toEqual(keys);
    expect(await recordOf(goalId, hook(goalId))).toMatchObject({ state: 'done', starts: 2 });
  });

  it('records a failed act and lets a later attempt act again', async () => {
    const goalId = uniqueName('failed');
    const refused = TaskError.retryable('email-unavailable', 'connection refused');
    await expect(
      (await ledgerOf(goalId, 0, 1)).perform(mail(goalId), () => Promise.reject(refused)),
    ).rejects.toBe(refused);
    expect(await recordOf(goalId, mail(goalId))).toMatchObject({
      state: 'failed',
      error: { code: 'email-unavailable', retryable: true },
    });
    const sent = counter();
    const retry = await (await ledgerOf(goalId, 0, 2)).perform(mail(goalId), sent.act);
    expect(retry.status).toBe('acted');
    expect(sent.keys).toHaveLength(1);
  });
});

/** Waits until the effect's record is in `state`. */
async function waitForState(goalId: string, effect: SideEffect, state: EffectRecord['state']): Promise<void> {
  await waitFor(async () => (await recordOf(goalId, effect))?.state === state || undefined, {
    description: `effect ${effect.target} ${state}`,
  });
}
