import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@swarm/testing';
import { Redis } from 'ioredis';
import { BenchError } from '../errors.js';
import { exitOf, findBinary, removeOnExit, spawnServer } from './server-process.js';

/** A Redis server for the BullMQ run: spawned for the run, or one given by URL. */
export interface RedisHandle {
  readonly url: string;
  readonly version: string;
  /** How it came: `spawned` (private, append-only file with fsync every second) or `external`. */
  readonly origin: 'spawned' | 'external';
  stop(): Promise<void>;
}

/**
 * Spawns `redis-server` on a free loopback port with its own directory and AOF persistence at `everysec` (about
 * as durable as a JetStream file store, which also syncs periodically), so other engineers' keys and load stay
 * out of the run. Without the binary it uses `fallbackUrl` when that server answers.
 * @throws {BenchError} `infra-unavailable` when neither works.
 */
export async function startRedis(fallbackUrl: string): Promise<RedisHandle> {
  const binary = findBinary('redis-server');
  if (!binary) return externalRedis(fallbackUrl);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'bench-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--daemonize',
    'no',
    '--logfile',
    '',
  ];
  const child = spawnServer(binary, args);
  const url = `redis://127.0.0.1:${port}`;
  const exited = exitOf(child);
  const forget = removeOnExit(child, dir);
  try {
    const version = await waitFor(() => redisVersion(url), {
      timeoutMs: 15_000,
      description: 'redis-server',
    });
    return {
      url,
      version,
      origin: 'spawned',
      stop: async () => {
        child.kill('SIGTERM');
        await exited;
        await rm(dir, { recursive: true, force: true });
        forget();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    forget();
    throw new BenchError('infra-unavailable', `redis-server on port ${port} did not start`, { cause: error });
  }
}

async function externalRedis(url: string): Promise<RedisHandle> {
  try {
    return { url, version: await redisVersion(url), origin: 'external', stop: () => Promise.resolve() };
  } catch (error) {
    throw new BenchError(
      'infra-unavailable',
      `no redis-server binary on PATH and nothing answers at ${url}; install redis-server or set REDIS_URL`,
      { cause: error },
    );
  }
}

async function redisVersion(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // a refused probe while the server boots is expected; connect() rejects
  try {
    await client.connect();
    const info = await client.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    client.disconnect();
  }
}
