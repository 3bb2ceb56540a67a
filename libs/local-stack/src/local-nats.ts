import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.js';

/** The NATS server the dev stack uses, and whether it started it. */
export interface LocalNats {
  readonly url: string;
  readonly owned: boolean;
  stop(): Promise<void>;
}

/** True when something on host:port greets like a NATS server (`INFO {...}`). */
export function probeNats(host: string, port: number, timeoutMs = 750): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('INFO ')));
    socket.connect(port, host);
  });
}

function natsBinary(): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/bin'];
  return dirs.map((dir) => path.join(dir, 'nats-server')).find((candidate) => existsSync(candidate));
}

/**
 * Picks the NATS server for local runs: `NATS_URL` when set; else a server already answering on
 * localhost:4222; else a fresh `nats-server -js` on a free loopback port with a temp store (removed on stop).
 */
export async function resolveLocalNats(
  env: Readonly<Record<string, string | undefined>>,
): Promise<LocalNats> {
  const given = env['NATS_URL'];
  if (given) return { url: given, owned: false, stop: () => Promise.resolve() };
  if (await probeNats('127.0.0.1', 4222))
    return { url: 'nats://127.0.0.1:4222', owned: false, stop: () => Promise.resolve() };
  const binary = natsBinary();
  if (!binary) {
    throw new Error(
      'no NATS server: set NATS_URL, start one on localhost:4222, or install nats-server (apt-get install nats-server)',
    );
  }
  const port = await freePort();
  const storeDir = mkdtempSync(path.join(tmpdir(), 'swarm-nats-'));
  // Each stream reserves its max bytes against the store, and nats-server's default store is three quarters of
  // the free disk: declare a large one so a laptop with a few GB free still runs the swarm.
  const configFile = path.join(storeDir, 'local.conf');
  writeFileSync(configFile, 'jetstream {\n  max_file_store: 1TB\n}\n');
  const child = spawn(
    binary,
    ['-c', configFile, '-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`nats-server did not start: ${log.slice(-500)}`)),
      15_000,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${code}: ${log.slice(-500)}`));
    });
  });
  return {
    url: `nats://127.0.0.1:${port}`,
    owned: true,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
