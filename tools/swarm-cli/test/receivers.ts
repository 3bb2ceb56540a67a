import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A webhook POST as the receiver saw it, with whether its HMAC signature checked out. */
export interface ReceivedWebhook {
  readonly goalId: string;
  readonly idempotencyKey: string | undefined;
  readonly signatureValid: boolean;
  readonly body: Record<string, unknown>;
}

/** A real HTTP webhook receiver on loopback that verifies `X-Swarm-Signature` independently of the sender. */
export async function startWebhookReceiver(
  secret: string,
  options: {
    /** Runs once a request is received (and counted), before it is answered: to inject a fault right there. */
    readonly beforeAnswer?: (received: ReceivedWebhook) => Promise<void>;
  } = {},
): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-swarm-timestamp'] ?? '');
      const given = String(request.headers['x-swarm-signature'] ?? '');
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
      const signatureValid =
        given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      const body = JSON.parse(raw) as Record<string, unknown>;
      const hook: ReceivedWebhook = {
        goalId: String(body['goalId']),
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        signatureValid,
        body,
      };
      received.push(hook);
      void (options.beforeAnswer?.(hook) ?? Promise.resolve()).finally(() => {
        if (!response.destroyed) response.writeHead(204).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/swarm`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A mail as the SMTP receiver saw it. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

/** A real SMTP server on loopback (the `smtp-server` package) that keeps every message. */
export async function startSmtpReceiver(
  options: {
    /** Runs once a message is received (and counted), before it is accepted: to inject a fault right there. */
    readonly beforeAccept?: (mail: ReceivedMail) => Promise<void>;
  } = {},
): Promise<{
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(mail);
        void (options.beforeAccept?.(mail) ?? Promise.resolve()).finally(() => callback());
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
