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
  it('counts signed deliveries per goal, keeping each idempotency key', async () => {
    expect(await post('{"goalId":"g1"}', 'g1/report')).toBe(204);
    expect(await post('{"goalId":"g1"}', 'g1/report')).toBe(204);
    expect(await post('{"goalId":"g2"}', 'g2/report')).toBe(204);
    const tally = receiver.tally();
    expect(tally.byGoal.get('g1')).toBe(2);
    expect(tally.byGoal.get('g2')).toBe(1);
    expect(tally.deliveries.map((d) => d.idempotencyKey)).toEqual(['g1/report', 'g1/report', 'g2/report']);
  });

  it('refuses a request signed with another secret and does not count it', async () => {
    expect(await post('{"goalId":"g3"}', 'g3/report', 'not-the-secret-0000')).toBe(401);
    expect(receiver.tally().byGoal.has('g3')).toBe(false);
    expect(receiver.tally().badSignatures).toBe(1);
  });

  it('refuses a signed body without a goal id', async () => {
    expect(await post('{"report":"x"}', 'x')).toBe(400);
    expect(receiver.tally().malformed).toBe(1);
  });
});
