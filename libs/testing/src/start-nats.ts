import { isContainerEngineReachable } from './container-engine.js';
import { ExternalNatsServer } from './external-nats-server.js';
import { readFixtureEnv } from './fixture-env.js';
import type { NatsServerHandle, StartNatsOptions } from './nats-server-handle.js';
import { startContainerNats } from './start-container-nats.js';
import { startSpawnedNats } from './start-spawned-nats.js';

/**
 * Gives a test a JetStream-enabled NATS server, first match wins:
 * 1. `NATS_URL` is set (and not `forceSpawn`): a handle on that server; `stop()` does nothing.
 * 2. A container engine answers (`DOCKER_HOST`, or `/var/run/docker.sock` answering a ping within ~1 s), and
 *    not `forceSpawn`: a `nats` container through `@testcontainers/nats`.
 * 3. Otherwise: spawns the `nats-server` binary on PATH on 127.0.0.1 with a random port and a temp store dir,
 *    killed when the test process exits.
 *
 * @throws {FixtureError} `NATS_BINARY_NOT_FOUND` (with install instructions) when path 3 finds no binary;
 *   `NATS_SERVER_EXITED` / `NATS_SERVER_NOT_READY` when the spawned server dies or is not ready in time.
 */
export async function startNats(options: StartNatsOptions = {}): Promise<NatsServerHandle> {
  if (!options.forceSpawn) {
    const env = readFixtureEnv();
    if (env.natsUrl !== undefined) return new ExternalNatsServer(env.natsUrl);
    if (await isContainerEngineReachable(env.dockerHost)) return startContainerNats({ port: options.port });
  }
  return startSpawnedNats({ port: options.port, storeDir: options.storeDir });
}
