import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ranking, rankedEntry } from '../domain/testing/ranking.fixture.js';
import type { ReportDelivery } from './delivery-sink.js';
import { verifyWebhookSignature } from './signature.js';
import { WebhookSink, type WebhookSinkOptions } from './webhook.sink.js';
import { failureOf } from './testing/failure-of.js';

const SECRET = 'webhook-secret-0123456789';

interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly verified: boolean;
}

/** A real HTTP receiver on loopback that verifies every request's signature and answers as the test says. */
class Receiver {
  readonly received: Received[] = [];
  answer: (res: ServerResponse) => void = (res) => res.writeHead(204).end();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      this.received.push({
        headers: req.headers,
        body,
        verified: verifyWebhookSignature(SECRET, req.headers, body).ok,
      });
      this.answer(res);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/swarm?token=secret-token`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const report: ReportDelivery = {
  goalId: 'g-int-1',
  goalText: 'TypeScript clients for NATS',
  markdown: '# Swarm report',
  html: '<!doctype html>',
  ranking: ranking([rankedEntry(1, '@nats-io/jetstream')]),
  idempotencyKey: 'g-int-1:report',
};

describe('WebhookSink against a real HTTP receiver', () => {
  const receiver = new Receiver();
  let url: string;
  /** A sink allowed to post to the loopback receiver (`WEBHOOK_ALLOW_HOSTS=127.0.0.1:<port>`). */
  const sink = (options: Partial<WebhookSinkOptions> = {}) =>
    new WebhookSink({ url, secret: SECRET, timeoutMs: 5_000, allowHosts: [new URL(url).host], ...options });

  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer = (res) => res.writeHead(204).end();
  });

  it('posts the signed JSON report with its idempotency key', async () => {
    const receipt = await sink().deliver(report);
    expect(receipt).toEqual({
      sink: 'webhook',
      detail: expect.stringMatching(/\/hooks\/swarm answered 204$/) as string,
    });
    expect(receipt.detail).not.toContain('secret-token');
    const [request] = receiver.received;
    expect(request!.verified).toBe(true);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe('g-int-1:report');
    expect(request!.headers['x-swarm-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(request!.body.toString())).toEqual({
      goalId: report.goalId,
      goalText: report.goalText,
      markdown: report.markdown,
      ranking: report.ranking,
    });
  });

  it('signs for Standard Webhooks too, so an off-the-shelf library verifies it, keyed by the idempotency key', async () => {
    const whsec = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
    // A plain secret is the key's UTF-8 bytes: the library takes it base64-encoded.
    const receivers = [
      { secret: SECRET, library: new Webhook(Buffer.from(SECRET).toString('base64')) },
      { secret: whsec, library: new Webhook(whsec) },
    ];
    for (const { secret, library } of receivers) {
      receiver.received.length = 0;
      await sink({ secret }).deliver(report);
      const [request] = receiver.received;
      expect(request!.headers['webhook-id']).toBe('g-int-1:report');
      expect(request!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      const headers = request!.headers as Record<string, string>;
      expect(library.verify(request!.body.toString(), headers)).toEqual(JSON.parse(request!.body.toString()));
      expect(() =>
        new Webhook(Buffer.from('another-secret-0123').toString('base64')).verify(
          request!.body.toString(),
          headers,
        ),
      ).toThrow();
    }
  });

  it('fails verification with another secret', async () => {
    await sink({ secret: 'not-the-receivers-secret' }).deliver(report);
    expect(receiver.received[0]!.verified).toBe(false);
  });

  it('treats a 500 as retryable', async () => {
    receiver.answer = (res) => res.writeHead(500).end('database down');
    const error = await failureOf(sink().deliver(report));
    expect(error).toMatchObject({ code: 'webhook-unavailable', retryable: true });
    expect(error.message).toContain('answered 500: database down');
  });

  it('treats a 429 as retryable', async () => {
    receiver.answer = (res) => res.writeHead(429).end();
    const error = await failureOf(sink().deliver(report));
    expect(error).toMatchObject({ code: 'webhook-unavailable', retryable: true });
  });

  it('treats a 400 as permanent and quotes the answer', async () => {
    receiver.answer = (res) => res.writeHead(400).end('{"error":"bad signature"}');
    const error = await failureOf(sink().deliver(report));
    expect(error).toMatchObject({ code: 'webhook-rejected', retryable: false });
    expect(error.message).toContain('answered 400: {"error":"bad signature"}');
  });

  it('does not follow a redirect', async () => {
    receiver.answer = (res) => res.writeHead(302, { Location: `${url}&moved=1` }).end();
    const error = await failureOf(sink().deliver(report));
    expect(error).toMatchObject({ code: 'webhook-rejected', retryable: false });
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up after the timeout, retryably', async () => {
    receiver.answer = () => undefined; // never answers; stop() closes the connection
    const error = await failureOf(sink({ timeoutMs: 300 }).deliver(report));
    expect(error).toMatchObject({ code: 'webhook-unavailable', retryable: true });
    expect(error.message).toContain('did not answer within 300 ms');
  });

  it('treats a refused connection as retryable', async () => {
    const closed = new Receiver();
    const closedUrl = await closed.start();
    await closed.stop();
    const error = await failureOf(
      sink({ url: closedUrl, allowHosts: [new URL(closedUrl).host] }).deliver(report),
    );
    expect(error).toMatchObject({ code: 'webhook-unavailable', retryable: true });
    expect(error.message).toContain('could not be reached');
  });

  it('refuses a receiver on a loopback address when it is not allowed, sending nothing', async () => {
    const error = await failureOf(new WebhookSink({ url, secret: SECRET, timeoutMs: 5_000 }).deliver(report));
    expect(error).toMatchObject({ code: 'webhook-rejected', retryable: false });
    expect(error.message).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/hooks\/swarm refused: resolves to 127\.0\.0\.1 \(loopback\); allow it with WEBHOOK_ALLOW_HOSTS$/,
    );
    expect(error.message).not.toContain('secret-token');
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses an allowed receiver on another port, and a private address, sending nothing', async () => {
    const otherPort = await failureOf(sink({ allowHosts: ['127.0.0.1:1'] }).deliver(report));
    expect(otherPort).toMatchObject({ code: 'webhook-rejected', retryable: false });
    const metadata = await failureOf(sink({ url: 'http://169.254.169.254/latest/hook' }).deliver(report));
    expect(metadata.message).toContain('resolves to 169.254.169.254 (link-local)');
    expect(receiver.received).toHaveLength(0);
  });

  it('delivers to a loopback receiver when private networks are allowed', async () => {
    const open = new WebhookSink({ url, secret: SECRET, timeoutMs: 5_000, allowPrivateNetworks: true });
    await expect(open.deliver(report)).resolves.toMatchObject({ sink: 'webhook' });
    expect(receiver.received[0]!.verified).toBe(true);
  });
});
