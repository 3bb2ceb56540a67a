import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `X-Swarm-Signature` the way an independent receiver would: it must be `sha256=` followed by the hex
 * HMAC-SHA256, keyed by `secret`, of `${timestamp}.${body}` where `timestamp` is the `X-Swarm-Timestamp` header
 * as received. Compares in constant time; a missing header never verifies. Pure.
 */
export function verifySwarmSignature(input: {
  readonly secret: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: string | Uint8Array;
}): boolean {
  const { secret, timestamp, signature, body } = input;
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
