import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor } from '@swarm/testing';
import pg from 'pg';
import { BenchError } from '../errors.js';
import {
  exitOf,
  findBinary,
  removeOnExit,
  SETPRIV,
  spawnServer,
  unprivilegedUser,
} from './server-process.js';

const run = promisify(execFile);
/** Where Debian keeps the server binaries when they are not on PATH. */
const POSTGRES_DIRS = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];
const DATABASE_USER = 'bench';
const START_TIMEOUT_MS = 30_000;

/** The private PostgreSQL of a pass (LangGraph's checkpointer writes to it). */
export interface PostgresHandle {
  /** `postgresql://bench@127.0.0.1:<port>/postgres` (trust authentication, loopback only). */
  readonly url: string;
  readonly version: string;
  /** The server's process id. */
  readonly pid: number;
  /** Its temp directory (data and sockets), removed by `stop()`. */
  readonly dir: string;
  stop(): Promise<void>;
}

/**
 * Starts a private PostgreSQL for a pass, as the Redis of the BullMQ run is: `initdb` into a temp directory (trust
 * authentication), then `postgres` on a free loopback port with the socket in that directory, so nobody else's
 * load counts. The server keeps PostgreSQL's defaults, durability included (`fsync` and `synchronous_commit`
 * on: a commit is on disk before it returns). As root it runs as the `postgres` account (PostgreSQL refuses
 * root). `stop()` shuts it down fast (SIGINT) and removes the directory; a crashed run's server dies with it.
 * @throws {BenchError} `infra-unavailable` when the binaries are missing or the server does not start.
 */
export async function startPostgres(): Promise<PostgresHandle> {
  const initdb = findBinary('initdb', POSTGRES_DIRS);
  const postgres = findBinary('postgres', POSTGRES_DIRS);
  if (!initdb || !postgres) {
    throw new BenchError(
      'infra-unavailable',
      'no initdb/postgres binaries on PATH or in /usr/lib/postgresql/*/bin; install PostgreSQL to run langgraph',
    );
  }
  const user = unprivilegedUser();
  const dir = await mkdtemp(join(tmpdir(), 'bench-postgres-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  try {
    if (user) await chown(dir, user.uid, user.gid);
    const initArgs = ['-D', dataDir, '-U', DATABASE_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C'];
    // --no-sync only skips syncing the fresh template files; the server itself runs with fsync on.
    const drop = user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--'] : [];
    await (user && SETPRIV
      ? run(SETPRIV, [...drop, initdb, ...initArgs, '--no-sync', '--no-instructions'])
      : run(initdb, [...initArgs, '--no-sync', '--no-instructions']));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new BenchError('infra-unavailable', `initdb into ${dataDir} failed`, { cause: error });
  }
  const args = ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
  const child = spawnServer(postgres, args, { ...(user ? { user } : {}) });
  const exited = exitOf(child);
  const forget = removeOnExit(child, dir);
  const url = `postgresql://${DATABASE_USER}@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    child.kill('SIGINT'); // fast shutdown: SIGTERM would wait for every client to disconnect
    await exited;
    await rm(dir, { recursive: true, force: true });
    forget();
  };
  try {
    const version = await waitFor(() => serverVersion(url), {
      timeoutMs: START_TIMEOUT_MS,
      description: `postgres on port ${port}`,
    });
    return { url, version, pid: child.pid ?? -1, dir, stop };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await rm(dir, { recursive: true, force: true });
    forget();
    throw new BenchError('infra-unavailable', `postgres on port ${port} did not start`, { cause: error });
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // a refused probe while the server boots is expected; connect() rejects
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version.split(' ')[0] ?? 'unknown';
  } finally {
    await client.end().catch(() => undefined);
  }
}
