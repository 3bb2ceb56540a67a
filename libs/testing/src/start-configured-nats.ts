import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FixtureError } from './errors.js';
import { freePorts } from './free-port.js';
import { isHealthy } from './monitor-client.js';
import { resolveNatsLauncher } from './nats-launcher.js';
import type { NatsServerHandle } from './nats-server-handle.js';
import { NatsProcess } from './nats-process.js';
import { SpawnedNatsServer } from './spawned-nats-server.js';
import { probeNatsGreeting } from './tcp-probe.js';

const LOOPBACK = '127.0.0.1';
const PORT_ATTEMPTS = 3;

/** Options for {@link startConfiguredNats}. */
export interface StartConfiguredNatsOptions {
  /**
   * nats-server configuration text: TLS, accounts, users, permissions, operator mode. Where to listen, the
   * monitor port, JetStream and its store directory are set by the fixture on the command line (which wins
   * over the file), so leave them out.
   */
  readonly config: string;
  /** Give up after this long waiting for the server. Default 15 s. */
  readonly readyTimeoutMs?: number;
}

/** A spawned nats-server with a configuration of the test's: a {@link NatsServerHandle} plus its whole log. */
export interface ConfiguredNatsServer extends NatsServerHandle {
  /** `host:port` of the client listener (for `tls://` or `nats://` URLs a test builds). */
  readonly hostPort: string;
  /** Every line the server logged since the fixture started it, oldest first (violations, TLS errors, ...). */
  readonly log: readonly string[];
}

/**
 * Spawns `nats-server -c <config> -js -a 127.0.0.1 -p <port> -m <monitor port> -sd <store dir>` with the test's
 * configuration written to a temp dir, and resolves once `/healthz` is ok and the client port greets with INFO.
 * The server is killed when the test process exits; `stop()` removes the temp dir.
 *
 * @throws {FixtureError} as `startNats` does (binary not found, exited early with its log, not ready in time).
 */
export async function startConfiguredNats(
  options: StartConfiguredNatsOptions,
): Promise<ConfiguredNatsServer> {
  const launcher = await resolveNatsLauncher();
  for (let attempt = 1; ; attempt += 1) {
    const [port, monitorPort] = (await freePorts(2)) as [number, number];
    const dir = await mkdtemp(join(tmpdir(), 'swarm-nats-conf-'));
    const storeDir = join(dir, 'store');
    const configFile = join(dir, 'nats.conf');
    const monitorUrl = `http://${LOOPBACK}:${monitorPort}`;
    const log: string[] = [];
    const natsProcess = new NatsProcess({
      launcher,
      args: ['-c', configFile, '-js', '-a', LOOPBACK, '-p', String(port), '-m', String(monitorPort)].concat([
        '-sd',
        storeDir,
      ]),
      port,
      isReady: async () => (await isHealthy(monitorUrl)) && (await probeNatsGreeting(LOOPBACK, port)),
      ...(options.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.readyTimeoutMs }),
      onLogLine: (line) => log.push(line),
    });
    const server = new SpawnedNatsServer({
      process: natsProcess,
      port,
      monitorPort,
      storeDir,
      ownedDir: dir,
      prepare: async () => {
        await mkdir(storeDir, { recursive: true });
        await writeFile(configFile, options.config);
      },
    });
    try {
      await server.start();
      return Object.assign(server, { hostPort: `${LOOPBACK}:${port}`, log });
    } catch (error) {
      const retry = attempt < PORT_ATTEMPTS && error instanceof FixtureError && error.retryable;
      if (!retry) throw error;
    }
  }
}
