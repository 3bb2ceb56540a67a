import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@swarm/testing';
import { BenchError } from '../errors.js';
import { workspaceRoot } from '../report/write-outputs.js';
import { exitOf, findBinary, removeOnExit, spawnServer } from './server-process.js';

const START_TIMEOUT_MS = 60_000;
const LOOPBACK = '127.0.0.1';

/** The private Restate server of a pass. */
export interface RestateHandle {
  /** Where goals are invoked: `http://127.0.0.1:<port>`. */
  readonly ingressUrl: string;
  /** Where deployments are registered: `http://127.0.0.1:<port>`. */
  readonly adminUrl: string;
  readonly version: string;
  /** The server's process id. */
  readonly pid: number;
  /** Its temp directory (data and sockets), removed by `stop()`. */
  readonly dir: string;
  stop(): Promise<void>;
}

/**
 * The `restate-server` binary: the one the `@restatedev/restate-server` package installed for this platform
 * (`node_modules/@restatedev/restate-server-<platform>-<arch>/bin`), else one on PATH. Never the package's
 * `node_modules/.bin` launcher (npm scripts put it on PATH): that is a node process that spawns the binary as its
 * own child, which neither dies with the harness nor shows up as `restate-server` to the CPU meter.
 */
export function restateBinary(): string | undefined {
  const pkg = `restate-server-${process.platform}-${process.arch}`;
  const packaged = join(workspaceRoot(), 'node_modules', '@restatedev', pkg, 'bin', 'restate-server');
  if (existsSync(packaged)) return packaged;
  return findBinary('restate-server', [], { skip: (dir) => dir.endsWith(join('node_modules', '.bin')) });
}

/**
 * Starts a private single-node `restate-server` for a pass: its own temp base directory, TCP only on loopback,
 * free ports for ingress, admin and the node-to-node fabric, telemetry off, everything else at Restate's
 * defaults (the log and the partition store in RocksDB with their write-ahead logs fsynced). Resolves once the
 * admin API and the ingress answer their health checks. `stop()` shuts it down (SIGTERM, graceful) and removes
 * the directory; a crashed run's server dies with it.
 * @throws {BenchError} `infra-unavailable` when the binary is missing or the server does not come up.
 */
export async function startRestate(): Promise<RestateHandle> {
  const binary = restateBinary();
  if (!binary) {
    throw new BenchError(
      'infra-unavailable',
      'no restate-server on PATH or from the @restatedev/restate-server package; run npm ci to run restate',
    );
  }
  const [ingressPort, adminPort, fabricPort] = [await freePort(), await freePort(), await freePort()];
  const dir = await mkdtemp(join(tmpdir(), 'bench-restate-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dir,
    RESTATE_BASE_DIR: dir,
    RESTATE_NODE_NAME: 'bench',
    RESTATE_LISTEN_MODE: 'tcp',
    RESTATE_BIND_IP: LOOPBACK,
    RESTATE_ADVERTISED_HOST: LOOPBACK,
    RESTATE_BIND_PORT: String(fabricPort),
    RESTATE_ADMIN__BIND_PORT: String(adminPort),
    RESTATE_INGRESS__BIND_PORT: String(ingressPort),
    RESTATE_DISABLE_TELEMETRY: 'true',
    RESTATE_LOG_FILTER: 'warn',
    RESTATE_LOG_DISABLE_ANSI_CODES: 'true',
  };
  const child = spawnServer(binary, ['--no-logo'], { env });
  const exited = exitOf(child);
  const forget = removeOnExit(child, dir);
  const ingressUrl = `http://${LOOPBACK}:${ingressPort}`;
  const adminUrl = `http://${LOOPBACK}:${adminPort}`;
  try {
    const version = await waitFor(() => restateVersion(adminUrl, ingressUrl), {
      timeoutMs: START_TIMEOUT_MS,
      description: `restate-server (admin port ${adminPort})`,
    });
    return {
      ingressUrl,
      adminUrl,
      version,
      pid: child.pid ?? -1,
      dir,
      stop: async () => {
        child.kill('SIGTERM');
        await exited;
        await rm(dir, { recursive: true, force: true });
        forget();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await rm(dir, { recursive: true, force: true });
    forget();
    throw new BenchError('infra-unavailable', `restate-server did not come up in ${dir}`, { cause: error });
  }
}

async function restateVersion(adminUrl: string, ingressUrl: string): Promise<string | undefined> {
  const health = await fetch(`${ingressUrl}/restate/health`);
  if (!health.ok) return undefined;
  const response = await fetch(`${adminUrl}/version`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { version?: string }).version ?? 'unknown';
}
