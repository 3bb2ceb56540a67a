import { createHmac, timingSafeEqual } from 'node:crypto';

/** The webhook headers the swarm sets (lowercase, as Node's `IncomingHttpHeaders` holds them). */
export const WEBHOOK_HEADERS = {
  signature: 'x-swarm-signature',
  timestamp: 'x-swarm-timestamp',
  idempotencyKey: 'idempotency-key',
} as const;

/**
 * The Standard Webhooks headers (standardwebhooks.com) the swarm sets as well, so that a receiver can verify and
 * de-duplicate with an off-the-shelf library: `webhook-id` is the idempotency key, the same on every attempt.
 */
export const STANDARD_WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** The prefix of a Standard Webhooks secret: what follows it is the key, base64-encoded. */
export const STANDARD_SECRET_PREFIX = 'whsec_';

/**
 * The HMAC key of the Standard Webhooks signature: the base64-decoded key of a `whsec_` secret, or the UTF-8
 * bytes of any other secret (a receiver's library then takes `base64(secret)` as its secret). Pure.
 */
export function standardWebhookKey(secret: string): Buffer {
  return secret.startsWith(STANDARD_SECRET_PREFIX)
    ? Buffer.from(secret.slice(STANDARD_SECRET_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/**
 * The `webhook-signature` value for a body: `v1,` + base64 HMAC-SHA256 keyed by `standardWebhookKey(secret)`
 * over `${id}.${timestamp}.${body}`. Pure.
 */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string | Uint8Array,
): string {
  const mac = createHmac('sha256', standardWebhookKey(secret)).update(`${id}.${timestamp}.`).update(body);
  return `v1,${mac.digest('base64')}`;
}

/** Why a signature did not verify. */
export type SignatureProblem =
  'missing-signature' | 'missing-timestamp' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature';

/** The outcome of `verifyWebhookSignature`. */
export type SignatureCheck =
  { readonly ok: true } | { readonly ok: false; readonly problem: SignatureProblem };

/** Headers as a `Headers` object (fetch) or a plain record (node:http `IncomingHttpHeaders`). */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The `X-Swarm-Signature` value for a body: `sha256=` + hex HMAC-SHA256 keyed by `secret` over
 * `${timestamp}.${body}`, where `timestamp` is the `X-Swarm-Timestamp` value (unix seconds). Pure.
 */
export function signWebhook(secret: string, timestamp: number, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * Checks a received webhook: both headers present, the timestamp within `toleranceSeconds` (default 300) of
 * `now` (default: the current time), and the signature equal to `signWebhook` of the raw body (compared in
 * constant time). Verify the bytes as received, before parsing the JSON.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: HeaderSource,
  body: string | Uint8Array,
  options: { readonly toleranceSeconds?: number; readonly now?: Date } = {},
): SignatureCheck {
  const { toleranceSeconds = 300, now = new Date() } = options;
  const signature = header(headers, WEBHOOK_HEADERS.signature);
  const timestampText = header(headers, WEBHOOK_HEADERS.timestamp);
  if (signature === undefined) return { ok: false, problem: 'missing-signature' };
  if (timestampText === undefined) return { ok: false, problem: 'missing-timestamp' };
  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, problem: 'bad-timestamp' };
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return { ok: false, problem: 'stale-timestamp' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'bad-signature' };
  }
  return { ok: true };
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : value?.[0];
}
