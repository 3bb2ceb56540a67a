import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitFor } from '@swarm/testing';
import type { LocalNatsPlacement } from '../src/index.js';
import { natsUsers, placeNatsConfig } from '../src/index.js';
import type { Started } from './processes.js';
import { httpStatus, start, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';

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
  readonly clientUrl: string;
  readonly monitorUrl: string;
}

/**
 * Copies a shipped config (and the auth.conf it includes) to a temp dir, placed on free loopback ports with a
 * temp store, and starts nats-server on it. Resolves once its monitoring endpoint reports healthy.
 */
export async function startShippedNats(
  configName: string,
  placement: Partial<LocalNatsPlacement> & { readonly env?: Readonly<Record<string, string>> } = {},
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
  copyFileSync(path.join(NATS_DIR, 'auth.conf'), path.join(dir, 'auth.conf'));
  const server = start('nats-server', ['-c', path.join(dir, configName), '-a', '127.0.0.1'], {
    cwd: dir,
    env: { PATH: process.env['PATH'], ...PASSWORDS, ...placement.env },
  });
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  if (options.waitHealthy ?? true) await waitHealthy(monitorUrl, server);
  return { server, clientUrl: `nats://127.0.0.1:${clientPort}`, monitorUrl };
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
