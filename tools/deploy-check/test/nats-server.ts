import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitFor } from '@swarm/testing';
import type { LocalNatsPlacement } from '../src/index.js';
import { natsUsers, placeNatsConfig } from '../src/index.js';
import type { Started } from './processes.js';
import { httpStatus, start, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';
import type { TlsFiles } from './tls-files.js';

/** deploy/nats, where the shipped configs live. */
export const NATS_DIR = path.join(REPO_ROOT, 'deploy/nats');

/** A test password per NATS user of auth.conf, as the `NATS_PASSWORD_<USER>` variables the configs read. */
export const PASSWORDS: Readonly<Record<string, string>> = Object.fromEntries(
  natsUsers(readFileSync(path.join(NATS_DIR, 'auth.conf'), 'utf8')).map(({ user, passwordVariable }) => [
    passwordVariable,
    `test-${user}-password`,
  ]),
);

/** The test password of a user. */
export function passwordOf(user: string): string {
  const found = natsUsers(readFileSync(path.join(NATS_DIR, 'auth.conf'), 'utf8')).find(
    (u) => u.user === user,
  );
  return PASSWORDS[found?.passwordVariable ?? ''] ?? '';
}

/** A shipped NATS config running on this machine. */
export interface LocalNats {
  readonly server: Started;
  readonly clientPort: number;
  readonly clientUrl: string;
  readonly monitorUrl: string;
}

/**
 * Copies a shipped config (and the auth.conf it includes) to a temp dir, placed on free loopback ports with a
 * temp store, and starts nats-server on it. Resolves once its monitoring endpoint reports healthy.
 */
export async function startShippedNats(
  configName: string,
  placement: Partial<LocalNatsPlacement> & {
    readonly env?: Readonly<Record<string, string>>;
    /** An auth.conf to run instead of the shipped one (e.g. generated for more tenants). */
    readonly authConf?: string;
  } = {},
  options: { readonly waitHealthy?: boolean } = {},
): Promise<LocalNats> {
  const dir = tempDir('nats');
  const clientPort = placement.clientPort ?? (await freePort());
  const monitorPort = placement.monitorPort ?? (await freePort());
  const config = placeNatsConfig(readFileSync(path.join(NATS_DIR, configName), 'utf8'), {
    clientPort,
    monitorPort,
    storeDir: path.join(dir, 'store'),
    ...placement,
  });
  writeFileSync(path.join(dir, configName), config);
  if (placement.authConf === undefined)
    copyFileSync(path.join(NATS_DIR, 'auth.conf'), path.join(dir, 'auth.conf'));
  else writeFileSync(path.join(dir, 'auth.conf'), placement.authConf);
  const server = start('nats-server', ['-c', path.join(dir, configName), '-a', '127.0.0.1'], {
    cwd: dir,
    env: { PATH: process.env['PATH'], ...PASSWORDS, ...placement.env },
  });
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  if (options.waitHealthy ?? true) await waitHealthy(monitorUrl, server);
  return { server, clientPort, clientUrl: `nats://127.0.0.1:${clientPort}`, monitorUrl };
}

/** A node of a shipped cluster running on this machine. */
export interface LocalClusterNode extends LocalNats {
  readonly clusterPort: number;
}

/**
 * Starts deploy/nats/nats-cluster.conf three times (nats-0..2) on free loopback ports, with the certificates of
 * `tls` (which must name `localhost`: the routes go to localhost:<port>, as they go to nats-N.nats-headless in
 * Kubernetes, and the route check matches the peer's certificate against those host names). Resolves once all
 * three see a JetStream meta leader over 3 nodes.
 */
export async function startShippedCluster(tls: TlsFiles): Promise<LocalClusterNode[]> {
  const ports = await Promise.all(
    [0, 1, 2].map(async () => ({
      clientPort: await freePort(),
      monitorPort: await freePort(),
      clusterPort: await freePort(),
    })),
  );
  const dir = tempDir('cluster');
  const nodes = await Promise.all(
    ports.map(async (node, i) => ({
      ...(await startShippedNats(
        'nats-cluster.conf',
        {
          ...node,
          routes: ports.map((peer) => `nats://localhost:${peer.clusterPort}`),
          pidFile: path.join(dir, `nats-${i}.pid`),
          tlsDir: tls.dir,
          env: { POD_NAME: `nats-${i}` },
        },
        { waitHealthy: false },
      )),
      clusterPort: node.clusterPort,
    })),
  );
  await waitFor(
    async () => {
      const views = await Promise.all(nodes.map((node) => monitor<Jsz>(node, 'jsz').catch(() => undefined)));
      return views.every((view) => view?.meta_cluster?.cluster_size === 3 && view.meta_cluster.leader);
    },
    { timeoutMs: 60_000, intervalMs: 250, description: 'a JetStream meta leader over 3 nodes' },
  ).catch((error: Error) => {
    const logs = nodes.map((node, i) => `nats-${i}:\n${node.server.lines.slice(-10).join('\n')}`);
    throw new Error(`${error.message}; logs:\n${logs.join('\n')}`);
  });
  return nodes;
}

/** GETs a monitoring endpoint of a node (`varz`, `routez`, `jsz?...`) and parses its JSON. */
export async function monitor<T>(node: { readonly monitorUrl: string }, endpoint: string): Promise<T> {
  const response = await fetch(`${node.monitorUrl}/${endpoint}`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${node.monitorUrl}/${endpoint}: http ${response.status}`);
  return (await response.json()) as T;
}

/** The parts of nats-server's /jsz the tests read. */
export interface Jsz {
  readonly meta_cluster?: { readonly cluster_size?: number; readonly leader?: string };
  readonly account_details?: readonly {
    readonly stream_detail?: readonly {
      readonly name: string;
      readonly config?: { readonly num_replicas?: number };
    }[];
  }[];
}

/** Waits until a node's /healthz (JetStream included) answers 200. */
export async function waitHealthy(monitorUrl: string, server: Started): Promise<void> {
  await waitFor(async () => (await httpStatus(`${monitorUrl}/healthz?js-enabled-only=true`)) === 200, {
    timeoutMs: 30_000,
    description: `nats-server at ${monitorUrl} healthy`,
  }).catch((error: Error) => {
    throw new Error(`${error.message}; log:\n${server.lines.slice(-15).join('\n')}`);
  });
}
