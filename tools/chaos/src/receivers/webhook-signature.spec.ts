import { createHmac } from 'node:crypto';
import { verifySwarmSignature } from './webhook-signature.js';

const secret = 'chaos-secret-0123456789';
const body = '{"goalId":"g1","markdown":"# report"}';
const timestamp = '1790000000';
const sign = (key: string, ts: string, payload: string) =>
  `sha256=${createHmac('sha256', key).update(`${ts}.${payload}`).digest('hex')}`;

describe('verifySwarmSignature', () => {
  it('accepts the HMAC-SHA256 of "<timestamp>.<body>" keyed by the secret', () => {
    expect(verifySwarmSignature({ secret, timestamp, signature: sign(secret, timestamp, body), body })).toBe(
      true,
    );
  });

  it('accepts the body as raw bytes', () => {
    expect(
      verifySwarmSignature({
        secret,
        timestamp,
        signature: sign(secret, timestamp, body),
        body: Buffer.from(body),
      }),
    ).toBe(true);
  });

  it('refuses a signature made with another secret', () => {
    expect(
      verifySwarmSignature({
        secret,
        timestamp,
        signature: sign('another-secret-000000', timestamp, body),
        body,
      }),
    ).toBe(false);
  });

  it('refuses a body changed after signing', () => {
    expect(
      verifySwarmSignature({
        secret,
        timestamp,
        signature: sign(secret, timestamp, body),
        body: body.replace('g1', 'g2'),
      }),
    ).toBe(false);
  });

  it('refuses a signature whose timestamp header was changed', () => {
    expect(
      verifySwarmSignature({
        secret,
        timestamp: '1790000001',
        signature: sign(secret, timestamp, body),
        body,
      }),
    ).toBe(false);
  });

  it('refuses missing headers and a timestamp that is not a number', () => {
    expect(
      verifySwarmSignature({ secret, timestamp: undefined, signature: sign(secret, timestamp, body), body }),
    ).toBe(false);
    expect(verifySwarmSignature({ secret, timestamp, signature: undefined, body })).toBe(false);
    expect(
      verifySwarmSignature({ secret, timestamp: 'soon', signature: sign(secret, 'soon', body), body }),
    ).toBe(false);
  });

  it('refuses a signature without the sha256= prefix', () => {
    expect(
      verifySwarmSignature({
        secret,
        timestamp,
        signature: sign(secret, timestamp, body).slice('sha256='.length),
        body,
      }),
    ).toBe(false);
  });
});
