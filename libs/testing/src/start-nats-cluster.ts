import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderClusterNodeConfig } from './cluster-config.js';
import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
import { freePorts } from './free-port.js';
import { isMonitorUp, readMetaCluster } from './monitor-client.js';
import { NatsCluster } from './nats-cluster.js';
import type { NatsClusterHandle, StartNatsClusterOptions } from './nats-cluster-handle.js';
import { resolveNatsLauncher } from './nats-launcher.js';
import type { NatsLauncher } from './nats-launcher.js';
import { NatsProcess } from './nats-process.js';
import { SpawnedNatsServer } from './spawned-nats-server.js';
import { probeNatsGreeting } from './tcp-probe.js';
import { uniqueName } from './unique-name.js';
import { waitFor } from './wait-for.js';

const LOOPBACK = '127.0.0.1';
const DEFAULT_SIZE = 3;
const MIN_SIZE = 2; // nats-server refuses a JetStream cluster without routes
const MAX_SIZE = 9;
const PORT_ATTEMPTS = 3;
const META_LEADER_TIMEOUT_MS = 30_000;

/**
 * Spawns a JetStream cluster of `size` (default 3) `nats-server` processes on 127.0.0.1: random client,
 * monitoring and route ports, one temp dir per node (config file + store dir), routes between all nodes.
 * Resolves once every node's `/jsz` names the same JetStream meta leader for a group of `size`. Always uses
 * the local binary (`NATS_URL` and container engines are not consulted).
 *
 * @throws {FixtureError} `FIXTURE_INVALID_OPTION` for a bad size; `NATS_BINARY_NOT_FOUND`,
 *   `NATS_SERVER_EXITED`, `NATS_SERVER_NOT_READY` as `startNats`; `FIXTURE_WAIT_TIMEOUT` when no meta leader is
 *   agreed within 30 s. On any failure the nodes already started are stopped.
 */
export async function startNatsCluster(options: StartNatsClusterOptions = {}): Promise<NatsClusterHandle> {
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new FixtureError(
      FIXTURE_ERROR_CODES.InvalidOption,
      `cluster size must be an integer from ${MIN_SIZE} to ${MAX_SIZE}, got ${String(size)}`,
    );
  }
  const launcher = await resolveNatsLauncher();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startClusterOnce(launcher, size);
    } catch (error) {
      const portTaken =
        error instanceof FixtureError && error.code === FIXTURE_ERROR_CODES.ServerExited && error.retryable;
      if (!(portTaken && attempt < PORT_ATTEMPTS)) throw error;
    }
  }
}

async function startClusterOnce(launcher: NatsLauncher, size: number): Promise<NatsCluster> {
  const clusterName = uniqueName('swarm_cluster');
  const ports = await freePorts(size * 3);
  const clusterPorts = Array.from({ length: size }, (_, i) => ports[i * 3 + 2]!);
  const nodes = await Promise.all(
    Array.from({ length: size }, (_, i) =>
      createNode(launcher, {
        serverName: `${clusterName}_n${i + 1}`,
        clusterName,
        port: ports[i * 3]!,
        monitorPort: ports[i * 3 + 1]!,
        clusterPort: clusterPorts[i]!,
        routePorts: clusterPorts.filter((_, j) => j !== i),
      }),
    ),
  );
  const cluster = new NatsCluster(nodes);
  try {
    const started = await Promise.allSettled(nodes.map((node) => node.start()));
    const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    await waitFor(() => metaLeaderAgreed(nodes, size), {
      timeoutMs: META_LEADER_TIMEOUT_MS,
      intervalMs: 100,
      description: `a jetstream meta leader agreed by all ${size} nodes of cluster ${clusterName}`,
    });
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function createNode(
  launcher: NatsLauncher,
  node: Omit<Parameters<typeof renderClusterNodeConfig>[0], 'storeDir'>,
): Promise<SpawnedNatsServer> {
  const workDir = await mkdtemp(join(tmpdir(), 'swarm-nats-node-'));
  const storeDir = join(workDir, 'store');
  const configPath = join(workDir, 'server.conf');
  const monitorUrl = `http://${LOOPBACK}:${node.monitorPort}`;
  const natsProcess = new NatsProcess({
    launcher,
    args: ['-c', configPath],
    port: node.port,
    // Not /healthz: a node restarted while the cluster has no quorum is up but never "healthy".
    isReady: async () => (await isMonitorUp(monitorUrl)) && (await probeNatsGreeting(LOOPBACK, node.port)),
  });
  return new SpawnedNatsServer({
    process: natsProcess,
    port: node.port,
    monitorPort: node.monitorPort,
    storeDir,
    ownedDir: workDir,
    prepare: async () => {
      await mkdir(storeDir, { recursive: true });
      await writeFile(configPath, renderClusterNodeConfig({ ...node, storeDir }));
    },
  });
}

/** The leader's name once every node reports the same meta leader for a group of `size`; otherwise false. */
async function metaLeaderAgreed(nodes: readonly SpawnedNatsServer[], size: number): Promise<string | false> {
  const views = await Promise.all(nodes.map((node) => readMetaCluster(node.monitorUrl)));
  const leader = views[0]?.leader;
  const agreed = views.every(
    (view) => view?.leader !== undefined && view.leader === leader && view.clusterSize === size,
  );
  return agreed && leader !== undefined ? leader : false;
}
