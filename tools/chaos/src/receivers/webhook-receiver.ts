import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySwarmSignature } from './webhook-signature.js';

/** One signed, well-formed request the receiver answered with 2xx. */
export interface WebhookDelivery {
  readonly goalId: string;
  readonly idempotencyKey: string | undefined;
  readonly receivedAt: number;
  /** The key had been applied before: the receiver acknowledged the request and did not apply it again. */
  readonly repeat: boolean;
  /** A repeat whose report differs from the one first applied under its key (a second, different effect). */
  readonly conflicting: boolean;
}

/** What the receiver counted so far. */
export interface WebhookTally {
  /** Deliveries applied per goal: one per distinct Idempotency-Key (a request without a key always applies). */
  readonly appliedByGoal: ReadonlyMap<string, number>;
  /** Every signed, well-formed request, in arrival order, repeats included. */
  readonly deliveries: readonly WebhookDelivery[];
  /** Requests refused with 401 (bad or missing signature). */
  readonly badSignatures: number;
  /** Requests refused with 400 (body not JSON or without a goal id). */
  readonly malformed: number;
}

interface ReportBody {
  readonly goalId?: unknown;
  readonly ranking?: { readonly ranked?: readonly { readonly candidate?: { readonly id?: unknown } }[] };
}

/** What makes two copies the same report: the goal and its ranked candidates, in order. */
function reportDigest(body: ReportBody): string {
  const ranked = (body.ranking?.ranked ?? []).map((entry) => entry.candidate?.id);
  return createHash('sha256')
    .update(JSON.stringify([body.goalId, ranked]))
    .digest('hex');
}

/** A running webhook receiver. */
export interface WebhookReceiver {
  /** The URL to give the communications agents as `WEBHOOK_URL`. */
  readonly url: string;
  tally(): WebhookTally;
  close(): Promise<void>;
}

/** Largest body the receiver reads; a report is tens of kilobytes. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Starts a real HTTP webhook receiver on 127.0.0.1 (random port) that behaves as the swarm's contract asks of
 * one: it verifies each request's HMAC signature independently of the sender (401 when it does not verify),
 * reads `goalId` from the JSON body (400 without one), and applies each `Idempotency-Key` once. A repeat of a
 * key is acknowledged (204) and not applied again, as an idempotent consumer does with an at-least-once
 * sender; it is still counted, and flagged as conflicting when its report differs from the first.
 */
export async function startWebhookReceiver(
  secret: string,
  options: {
    /** Runs after a delivery is counted and before it is answered (a fault can be injected there). */
    readonly beforeAnswer?: (delivery: WebhookDelivery) => Promise<void>;
  } = {},
): Promise<WebhookReceiver> {
  const appliedByGoal = new Map<string, number>();
  const appliedKeys = new Map<string, string>();
  const deliveries: WebhookDelivery[] = [];
  let badSignatures = 0;
  let malformed = 0;

  const handle = (request: IncomingMessage, response: ServerResponse, raw: Buffer) => {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const signed = verifySwarmSignature({
      secret,
      timestamp: header('x-swarm-timestamp'),
      signature: header('x-swarm-signature'),
      body: raw,
    });
    if (!signed) {
      badSignatures += 1;
      response.writeHead(401).end('bad signature');
      return;
    }
    let body: ReportBody;
    try {
      body = JSON.parse(raw.toString('utf8')) as ReportBody;
    } catch {
      body = {};
    }
    const goalId = body.goalId;
    if (typeof goalId !== 'string' || goalId === '') {
      malformed += 1;
      response.writeHead(400).end('no goalId');
      return;
    }
    const idempotencyKey = header('idempotency-key');
    const digest = reportDigest(body);
    const applied = idempotencyKey === undefined ? undefined : appliedKeys.get(idempotencyKey);
    if (applied === undefined) {
      appliedByGoal.set(goalId, (appliedByGoal.get(goalId) ?? 0) + 1);
      if (idempotencyKey !== undefined) appliedKeys.set(idempotencyKey, digest);
    }
    const delivery: WebhookDelivery = {
      goalId,
      idempotencyKey,
      receivedAt: Date.now(),
      repeat: applied !== undefined,
      conflicting: applied !== undefined && applied !== digest,
    };
    deliveries.push(delivery);
    if (!options.beforeAnswer) {
      response.writeHead(204).end();
      return;
    }
    options.beforeAnswer(delivery).then(
      () => response.writeHead(204).end(),
      () => response.writeHead(204).end(),
    );
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        malformed += 1;
        response.writeHead(413).end();
        return;
      }
      handle(request, response, Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/swarm`,
    tally: () => ({ appliedByGoal, deliveries, badSignatures, malformed }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
