import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FixtureError } from './errors.js';
import { freePorts } from './free-port.js';
import { isHealthy } from './monitor-client.js';
import { resolveNatsLauncher } from './nats-launcher.js';
import type { NatsLauncher } from './nats-launcher.js';
import { NatsProcess } from './nats-process.js';
import { SpawnedNatsServer } from './spawned-nats-server.js';
import { probeNatsGreeting } from './tcp-probe.js';

const LOOPBACK = '127.0.0.1';
const PORT_ATTEMPTS = 3;

/** Options for {@link startSpawnedNats}. */
export interface SpawnNatsOptions {
  readonly port?: number;
  readonly storeDir?: string;
}

/**
 * The file-store size a fixture server declares. Each stream reserves its max bytes against it, and nats-server's
 * default is three quarters of the free disk, which a small CI disk could not reserve for many topologies.
 */
const TEST_MAX_FILE_STORE = '1TB';

/**
 * Spawns `nats-server -js -a 127.0.0.1 -p <port> -m <monitor port> -sd <store dir>` and resolves once
 * `/healthz` is ok and the client port greets with INFO. The monitor binds the `-a` host, so loopback only.
 * When the fixture picked the ports and one was taken meanwhile, it tries again with new ports.
 *
 * @throws {FixtureError} `NATS_BINARY_NOT_FOUND` before creating anything when nats-server is not on PATH;
 *   otherwise as `NatsProcess.start` does.
 */
export async function startSpawnedNats(options: SpawnNatsOptions = {}): Promise<SpawnedNatsServer> {
  const launcher = await resolveNatsLauncher();
  for (let attempt = 1; ; attempt += 1) {
    const server = await createServer(launcher, options);
    try {
      await server.start();
      return server;
    } catch (error) {
      const retry = options.port === undefined && attempt < PORT_ATTEMPTS;
      if (!(retry && error instanceof FixtureError && error.retryable)) throw error;
    }
  }
}

async function createServer(launcher: NatsLauncher, options: SpawnNatsOptions): Promise<SpawnedNatsServer> {
  const [randomPort, monitorPort] = await freePorts(2);
  const port = options.port ?? randomPort!;
  const ownedDir = options.storeDir === undefined ? await mkdtemp(join(tmpdir(), 'swarm-nats-')) : undefined;
  const storeDir = options.storeDir ?? ownedDir!;
  const monitorUrl = `http://${LOOPBACK}:${monitorPort}`;
  // Streams reserve their max bytes against the store; a test server is not bounded by the disk's free space.
  await mkdir(storeDir, { recursive: true });
  const configFile = join(storeDir, 'fixture.conf');
  await writeFile(configFile, `jetstream {\n  max_file_store: ${TEST_MAX_FILE_STORE}\n}\n`);
  const natsProcess = new NatsProcess({
    launcher,
    args: [
      '-c',
      configFile,
      '-js',
      '-a',
      LOOPBACK,
      '-p',
      String(port),
      '-m',
      String(monitorPort),
      '-sd',
      storeDir,
    ],
    port,
    isReady: async () => (await isHealthy(monitorUrl)) && (await probeNatsGreeting(LOOPBACK, port)),
  });
  return new SpawnedNatsServer({
    process: natsProcess,
    port,
    monitorPort: monitorPort!,
    storeDir,
    ownedDir,
    prepare: async () => {
      await mkdir(storeDir, { recursive: true });
    },
  });
}
