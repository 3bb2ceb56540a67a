import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { TlsFiles } from './tls-files.js';

/**
 * A bare NATS client speaking the text protocol, for the TLS and route probes: it does exactly what it is told
 * (no reconnect, no cluster discovery, no TLS unless asked, a certificate only when given), so a refusal is the
 * server's and not the client library's. Core NATS only: CONNECT, SUB, PUB, PING/PONG.
 */
export interface WireClient {
  /** Messages received on this client's subscriptions, in order. */
  readonly messages: { readonly subject: string; readonly payload: string }[];
  /** `-ERR` lines the server sent. */
  readonly errors: string[];
  subscribe(subject: string): void;
  publish(subject: string, payload: string): void;
  /** Resolves once the server has processed everything sent before (PING answered by PONG). */
  flush(): Promise<void>;
  close(): void;
}

/** Where and how a WireClient connects. */
export interface WireOptions {
  readonly port: number;
  readonly user?: string;
  readonly pass?: string;
  /** Upgrade to TLS after the server's INFO (server name `localhost`), presenting the certificate if given. */
  readonly tls?: Pick<TlsFiles, 'ca'> & Partial<Pick<TlsFiles, 'cert' | 'key'>>;
}

/** Connects, authenticates and resolves after the first PONG. Rejects on a `-ERR` or a closed socket first. */
export async function connectWire(options: WireOptions): Promise<WireClient> {
  const plain = connectTcp({ host: '127.0.0.1', port: options.port });
  const info = await new Promise<string>((resolve, reject) => {
    let text = '';
    plain.once('error', reject);
    plain.on('data', function onData(chunk: Buffer) {
      text += chunk.toString('utf8');
      if (!text.includes('\r\n')) return;
      plain.off('data', onData);
      resolve(text.slice(0, text.indexOf('\r\n')));
    });
  });
  if (!info.startsWith('INFO ')) throw new Error(`expected INFO, got ${info}`);
  const socket: Socket = options.tls
    ? await new Promise((resolve, reject) => {
        const files = options.tls!;
        const secure = connectTls(
          {
            socket: plain,
            servername: 'localhost',
            ca: readFileSync(files.ca),
            ...(files.cert === undefined ? {} : { cert: readFileSync(files.cert) }),
            ...(files.key === undefined ? {} : { key: readFileSync(files.key) }),
          },
          () => resolve(secure),
        );
        secure.once('error', reject);
      })
    : plain;

  const messages: { subject: string; payload: string }[] = [];
  const errors: string[] = [];
  // Each PING waits for its PONG; a -ERR received meanwhile (e.g. a permissions violation) fails it.
  const pongs: { resolve(): void; reject(error: Error): void; errorsBefore: number }[] = [];
  let buffer = '';
  let nextSid = 1;
  const failAll = (reason: string) =>
    pongs.splice(0).forEach((pong) => pong.reject(new Error([...errors, reason].join('; '))));
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      const end = buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = buffer.slice(0, end);
      const msg = /^MSG (\S+) \S+ (?:\S+ )?(\d+)$/.exec(line);
      if (msg) {
        const size = Number(msg[2]);
        if (buffer.length < end + 2 + size + 2) return;
        messages.push({ subject: msg[1] ?? '', payload: buffer.slice(end + 2, end + 2 + size) });
        buffer = buffer.slice(end + 2 + size + 2);
        continue;
      }
      buffer = buffer.slice(end + 2);
      if (line === 'PING') socket.write('PONG\r\n');
      else if (line === 'PONG') {
        const pong = pongs.shift();
        if (pong && errors.length > pong.errorsBefore) pong.reject(new Error(errors.join('; ')));
        else pong?.resolve();
      } else if (line.startsWith('-ERR')) errors.push(line);
    }
  });
  socket.on('error', (error) => failAll(error.message));
  socket.on('close', () => failAll('connection closed'));

  const client: WireClient = {
    messages,
    errors,
    subscribe: (subject) => void socket.write(`SUB ${subject} ${nextSid++}\r\n`),
    publish: (subject, payload) =>
      void socket.write(`PUB ${subject} ${Buffer.byteLength(payload)}\r\n${payload}\r\n`),
    flush: () =>
      new Promise<void>((resolve, reject) => {
        pongs.push({ resolve, reject, errorsBefore: errors.length });
        socket.write('PING\r\n');
      }),
    close: () => socket.destroy(),
  };
  const connect = { verbose: false, pedantic: false, protocol: 1, user: options.user, pass: options.pass };
  socket.write(`CONNECT ${JSON.stringify(connect)}\r\n`);
  await client.flush().catch((error: Error) => {
    client.close();
    throw error;
  });
  return client;
}
