import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './signature.js';

const secret = 'a-secret-of-sixteen-plus';
const body = JSON.stringify({ goalId: 'g1', markdown: '# report' });
const now = new Date('2025-11-21T09:30:00.000Z');
const timestamp = Math.floor(now.getTime() / 1000);

function headersFor(signedBody: string, at = timestamp) {
  return { 'x-swarm-timestamp': String(at), 'x-swarm-signature': signWebhook(secret, at, signedBody) };
}

describe('signWebhook', () => {
  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts the body it signed, within the tolerance', () => {
    expect(verifyWebhookSignature(secret, headersFor(body), body, { now })).toEqual({ ok: true });
    const later = new Date(now.getTime() + 299_000);
    expect(verifyWebhookSignature(secret, headersFor(body), Buffer.from(body), { now: later })).toEqual({
      ok: true,
    });
  });

  it('reads fetch Headers and mixed-case header names', () => {
    expect(verifyWebhookSignature(secret, new Headers(headersFor(body)), body, { now }).ok).toBe(true);
    const { 'x-swarm-timestamp': t, 'x-swarm-signature': s } = headersFor(body);
    expect(
      verifyWebhookSignature(secret, { 'X-Swarm-Timestamp': t, 'X-Swarm-Signature': s }, body, { now }).ok,
    ).toBe(true);
  });

  it('rejects a tampered body', () => {
    const check = verifyWebhookSignature(secret, headersFor(body), body.replace('g1', 'g2'), { now });
    expect(check).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('rejects another secret', () => {
    expect(verifyWebhookSignature('another-secret-0123', headersFor(body), body, { now }).ok).toBe(false);
  });

  it('rejects a stale or future timestamp even with a valid signature', () => {
    const stale = headersFor(body, timestamp - 301);
    expect(verifyWebhookSignature(secret, stale, body, { now })).toEqual({
      ok: false,
      problem: 'stale-timestamp',
    });
    const future = headersFor(body, timestamp + 301);
    expect(verifyWebhookSignature(secret, future, body, { now })).toEqual({
      ok: false,
      problem: 'stale-timestamp',
    });
    expect(verifyWebhookSignature(secret, stale, body, { now, toleranceSeconds: 600 }).ok).toBe(true);
  });

  it('names what is missing or malformed', () => {
    expect(verifyWebhookSignature(secret, {}, body, { now })).toEqual({
      ok: false,
      problem: 'missing-signature',
    });
    const noTime = { 'x-swarm-signature': 'sha256=00' };
    expect(verifyWebhookSignature(secret, noTime, body, { now })).toEqual({
      ok: false,
      problem: 'missing-timestamp',
    });
    const badTime = { ...headersFor(body), 'x-swarm-timestamp': '12abc' };
    expect(verifyWebhookSignature(secret, badTime, body, { now })).toEqual({
      ok: false,
      problem: 'bad-timestamp',
    });
    const short = { ...headersFor(body), 'x-swarm-signature': 'sha256=abc' };
    expect(verifyWebhookSignature(secret, short, body, { now })).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
  });
});
