import { createHmac } from 'node:crypto';
import type { WebhookReceiver } from './webhook-receiver.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const SECRET = 'receiver-test-secret-42';
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET);
});
afterAll(async () => {
  await receiver.close();
});

const report = (goalId: string, ranked: string[]) =>
  JSON.stringify({ goalId, ranking: { ranked: ranked.map((id) => ({ candidate: { id } })) } });

async function post(body: string, key: string, secret = SECRET): Promise<number> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(receiver.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': key,
      'x-swarm-timestamp': timestamp,
      'x-swarm-signature': signature,
    },
    body,
  });
  return response.status;
}

describe('the webhook receiver', () => {
  it('applies each idempotency key once, and counts a repeat without applying it', async () => {
    expect(await post(report('g1', ['a', 'b']), 'g1/report')).toBe(204);
    expect(await post(report('g1', ['a', 'b']), 'g1/report')).toBe(204);
    expect(await post(report('g2', ['c']), 'g2/report')).toBe(204);
    const tally = receiver.tally();
    expect(tally.appliedByGoal.get('g1')).toBe(1);
    expect(tally.appliedByGoal.get('g2')).toBe(1);
    expect(tally.deliveries.map((d) => [d.idempotencyKey, d.repeat, d.conflicting])).toEqual([
      ['g1/report', false, false],
      ['g1/report', true, false],
      ['g2/report', false, false],
    ]);
  });

  it('applies a second key for the same goal, and flags a repeat that carries another report', async () => {
    expect(await post(report('g4', ['a']), 'g4/report')).toBe(204);
    expect(await post(report('g4', ['b']), 'g4/report')).toBe(204);
    expect(await post(report('g4', ['a']), 'g4/report-again')).toBe(204);
    const tally = receiver.tally();
    expect(tally.appliedByGoal.get('g4')).toBe(2);
    expect(tally.deliveries.filter((d) => d.goalId === 'g4').map((d) => d.conflicting)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('refuses a request signed with another secret and does not count it', async () => {
    expect(await post('{"goalId":"g3"}', 'g3/report', 'not-the-secret-0000')).toBe(401);
    expect(receiver.tally().appliedByGoal.has('g3')).toBe(false);
    expect(receiver.tally().badSignatures).toBe(1);
  });

  it('refuses a signed body without a goal id', async () => {
    expect(await post('{"report":"x"}', 'x')).toBe(400);
    expect(receiver.tally().malformed).toBe(1);
  });
});
