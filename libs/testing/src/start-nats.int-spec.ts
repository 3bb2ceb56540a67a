import { access, mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FIXTURE_ERROR_CODES } from './errors.js';
import type { NatsServerHandle } from './nats-server-handle.js';
import { startNats } from './start-nats.js';
import { uniqueName } from './unique-name.js';

/** First protocol line the server sends a raw TCP client: `INFO {...}`. */
function readGreeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error('no greeting within 2s')));
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(received.slice(0, end));
      }
    });
  });
}

/** Sends one JetStream API request over the raw NATS protocol and returns the parsed JSON reply. */
function jetStreamApi(port: number, subject: string, body: object): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const payload = Buffer.from(JSON.stringify(body));
    let buffer = Buffer.alloc(0);
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no reply on ${subject} within 5s`)));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(`CONNECT {"verbose":false,"pedantic":false,"protocol":1}\r\nSUB _INBOX.fixture 1\r\n`);
      socket.write(`PUB ${subject} _INBOX.fixture ${payload.length}\r\n`);
      socket.write(Buffer.concat([payload, Buffer.from('\r\n')]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const text = buffer.toString('latin1');
      const match = /MSG _INBOX\.fixture 1 (\d+)\r\n/.exec(text);
      if (!match) return;
      const start = match.index + match[0].length;
      const length = Number(match[1]);
      if (buffer.length < start + length) return;
      socket.destroy();
      resolve(JSON.parse(buffer.subarray(start, start + length).toString('utf8')) as Record<string, unknown>);
    });
  });
}

async function monitor(server: NatsServerHandle, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.monitorUrl!}${path}`);
  return (await response.json()) as Record<string, unknown>;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('startNats spawning nats-server', () => {
  let server: NatsServerHandle;

  beforeAll(async () => {
    server = await startNats({ forceSpawn: true });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('listens on a loopback url and owns a store dir on this machine', async () => {
    expect(server.url).toBe(`nats://127.0.0.1:${server.port}`);
    expect(server.external).toBe(false);
    expect(server.storeDir).toBeDefined();
    await expect(exists(server.storeDir!)).resolves.toBe(true);
  });

  it('accepts a raw TCP connection and greets it with INFO for its own port', async () => {
    const greeting = await readGreeting(server.port);
    expect(greeting.startsWith('INFO ')).toBe(true);
    const info = JSON.parse(greeting.slice('INFO '.length)) as { port: number; jetstream?: boolean };
    expect(info.port).toBe(server.port);
    expect(info.jetstream).toBe(true);
  });

  it('reports jetstream enabled on /varz with the store dir it was given', async () => {
    const varz = await monitor(server, '/varz');
    const jetstream = varz['jetstream'] as { config?: { store_dir?: string } };
    expect(jetstream.config?.store_dir).toContain(server.storeDir);
  });

  it('binds the client and monitoring listeners to 127.0.0.1 only', async () => {
    const varz = await monitor(server, '/varz');
    expect(varz['host']).toBe('127.0.0.1');
    expect(varz['http_host']).toBe('127.0.0.1');
  });

  it('keeps the same port and store dir, and the streams in it, across kill and restart', async () => {
    const stream = uniqueName('fixture_restart');
    const created = await jetStreamApi(server.port, `$JS.API.STREAM.CREATE.${stream}`, {
      name: stream,
      subjects: [`${stream}.>`],
      storage: 'file',
    });
    expect(created['error']).toBeUndefined();
    const { port, url, storeDir } = server;

    await server.kill();
    await expect(readGreeting(port)).rejects.toThrow();
    await expect(exists(storeDir!)).resolves.toBe(true);

    await server.restart();
    expect(server).toMatchObject({ port, url, storeDir });
    await expect(readGreeting(port)).resolves.toMatch(/^INFO /);
    const info = await jetStreamApi(port, `$JS.API.STREAM.INFO.${stream}`, {});
    expect((info['config'] as { name?: string } | undefined)?.name).toBe(stream);
  });
});

describe('startNats stopping a spawned server', () => {
  it('removes the temp store dir it created', async () => {
    const server = await startNats({ forceSpawn: true });
    const storeDir = server.storeDir!;
    await expect(exists(storeDir)).resolves.toBe(true);
    await server.stop();
    await expect(exists(storeDir)).resolves.toBe(false);
    await expect(readGreeting(server.port)).rejects.toThrow();
  });

  it('leaves a store dir the caller passed in place', async () => {
    const storeDir = await mkdtemp(join(tmpdir(), 'swarm-fixture-own-'));
    try {
      const server = await startNats({ forceSpawn: true, storeDir });
      expect(server.storeDir).toBe(storeDir);
      await server.stop();
      await expect(exists(storeDir)).resolves.toBe(true);
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  });
});

describe('startNats failing to spawn', () => {
  const savedPath = process.env['PATH'];

  afterEach(() => {
    process.env['PATH'] = savedPath;
  });

  it('says how to install nats-server when the binary is not on PATH', async () => {
    process.env['PATH'] = '/nonexistent-swarm-bin';
    const failure = startNats({ forceSpawn: true });
    await expect(failure).rejects.toMatchObject({ code: FIXTURE_ERROR_CODES.BinaryNotFound });
    await expect(failure).rejects.toThrow(/apt-get install nats-server/);
  });

  it("shows the server's last log lines when it exits before it is ready", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const failure = startNats({ forceSpawn: true, port });
      await expect(failure).rejects.toMatchObject({ code: FIXTURE_ERROR_CODES.ServerExited });
      await expect(failure).rejects.toThrow(/address already in use/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
