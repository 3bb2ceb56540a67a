import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySwarmSignature } from './webhook-signature.js';

/** One delivery the receiver accepted. */
export interface WebhookDelivery {
  readonly goalId: string;
  readonly idempotencyKey: string | undefined;
  readonly receivedAt: number;
}

/** What the receiver counted so far. */
export interface WebhookTally {
  /** Signed deliveries per goal id. */
  readonly byGoal: ReadonlyMap<string, number>;
  /** Every accepted delivery, in arrival order. */
  readonly deliveries: readonly WebhookDelivery[];
  /** Requests refused with 401 (bad or missing signature). */
  readonly badSignatures: number;
  /** Requests refused with 400 (body not JSON or without a goal id). */
  readonly malformed: number;
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
 * Starts a real HTTP webhook receiver on 127.0.0.1 (random port). It verifies each request's HMAC signature
 * independently of the sender (401 when it does not verify), reads `goalId` from the JSON body (400 without
 * one), answers 204, and counts deliveries per goal.
 */
export async function startWebhookReceiver(
  secret: string,
  options: {
    /** Runs after a delivery is counted and before it is answered (a fault can be injected there). */
    readonly beforeAnswer?: (delivery: WebhookDelivery) => Promise<void>;
  } = {},
): Promise<WebhookReceiver> {
  const byGoal = new Map<string, number>();
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
    let goalId: unknown;
    try {
      goalId = (JSON.parse(raw.toString('utf8')) as { goalId?: unknown }).goalId;
    } catch {
      goalId = undefined;
    }
    if (typeof goalId !== 'string' || goalId === '') {
      malformed += 1;
      response.writeHead(400).end('no goalId');
      return;
    }
    byGoal.set(goalId, (byGoal.get(goalId) ?? 0) + 1);
    const delivery = { goalId, idempotencyKey: header('idempotency-key'), receivedAt: Date.now() };
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
    tally: () => ({ byGoal, deliveries, badSignatures, malformed }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
