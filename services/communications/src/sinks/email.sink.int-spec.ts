import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ranking } from '../domain/testing/ranking.fixture.js';
import type { ReportDelivery } from './delivery-sink.js';
import { EmailSink, messageIdFor, type EmailSinkOptions } from './email.sink.js';
import { failureOf } from './testing/failure-of.js';

/**
 * A real SMTP server on loopback without STARTTLS: auth optional and accepted in clear (each AUTH is recorded in
 * `logins`); refuses `rejected@` (550) and `busy@` (451).
 */
function startSmtp(messages: string[], logins: string[] = []): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username ?? ''}:${auth.password ?? ''}`);
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
      if (address.address.startsWith('rejected@')) return callback(refusal(550, 'mailbox unavailable'));
      if (address.address.startsWith('busy@')) return callback(refusal(451, 'try again later'));
      return callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.server.address() as AddressInfo).port }),
    );
  });
}

/** Decodes RFC 2047 `=?UTF-8?Q?...?=` words (what nodemailer uses for a non-ASCII subject). */
function decodeHeader(value: string): string {
  const percentEncoded = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_word, text: string) =>
      text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'),
    );
  // Decoded as a whole: a multi-byte character may be split across two encoded words.
  return decodeURIComponent(percentEncoded);
}

const report: ReportDelivery = {
  goalId: 'g-mail-1',
  goalText:
    'TypeScript clients for NATS JetStream work queues with good docs and examples for production use',
  markdown: '# Swarm report\n\n| 1 | nats |',
  html: '<!doctype html>\n<html lang="en"><body><h1>Swarm report</h1></body></html>',
  ranking: ranking([]),
  idempotencyKey: 'g-mail-1:report',
};

describe('EmailSink against a real SMTP server', () => {
  const messages: string[] = [];
  let server: SMTPServer;
  let options: EmailSinkOptions;

  beforeAll(async () => {
    const started = await startSmtp(messages);
    server = started.server;
    options = {
      host: '127.0.0.1',
      port: started.port,
      secure: false,
      from: 'Swarm <swarm@example.com>',
      to: ['alice@example.com', 'bob@example.com'],
      timeoutMs: 5_000,
    };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    messages.length = 0;
  });

  it('sends the report with subject, text and html parts, goal header and a stable Message-ID', async () => {
    const receipt = await new EmailSink(options).deliver(report);
    expect(receipt.sink).toBe('email');
    expect(receipt.detail).toContain('alice@example.com, bob@example.com');
    expect(messages).toHaveLength(1);
    const raw = messages[0]!.replace(/\r\n[ \t]+/g, ' '); // unfold header lines
    const subject = /^Subject: (.*)$/m.exec(raw)?.[1];
    expect(decodeHeader(subject ?? '')).toBe(
      'Swarm report: TypeScript clients for NATS JetStream work queues with good docs and examples…',
    );
    expect(raw).toMatch(/^X-Swarm-Goal-Id: g-mail-1$/im);
    expect(raw).toContain(`Message-ID: ${messageIdFor(report.idempotencyKey, options.from)}`);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/^Content-Type: text\/plain/m);
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    expect(raw).toContain('<h1>Swarm report</h1>');
  });

  it('treats a 5xx rejection as permanent', async () => {
    const error = await failureOf(
      new EmailSink({ ...options, to: ['rejected@example.com'] }).deliver(report),
    );
    expect(error).toMatchObject({ code: 'email-rejected', retryable: false });
    expect(error.message).toContain('550');
  });

  it('treats a 4xx reply as retryable', async () => {
    const error = await failureOf(new EmailSink({ ...options, to: ['busy@example.com'] }).deliver(report));
    expect(error).toMatchObject({ code: 'email-unavailable', retryable: true });
  });

  it('treats a refused connection as retryable', async () => {
    const closed = await startSmtp([]);
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const error = await failureOf(new EmailSink({ ...options, port: closed.port }).deliver(report));
    expect(error).toMatchObject({ code: 'email-unavailable', retryable: true });
    expect(messages).toHaveLength(0);
  });

  it('refuses to send its credentials to a server that offers no TLS, permanently and before AUTH', async () => {
    const logins: string[] = [];
    const plain = await startSmtp(messages, logins);
    try {
      const withLogin = { ...options, port: plain.port, user: 'swarm', pass: 'secret-pass' };
      const error = await failureOf(new EmailSink(withLogin).deliver(report));
      expect(error).toMatchObject({ code: 'email-insecure', retryable: false });
      expect(error.message).toContain('SMTP_ALLOW_INSECURE_AUTH');
      expect(logins).toEqual([]);
      expect(messages).toHaveLength(0);
      // Only an explicit opt-out sends them in clear.
      await new EmailSink({ ...withLogin, allowInsecureAuth: true }).deliver(report);
      expect(logins).toEqual(['swarm:secret-pass']);
      expect(messages).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => plain.server.close(() => resolve()));
    }
  });
});
