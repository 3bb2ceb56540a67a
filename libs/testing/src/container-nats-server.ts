import type { StartedNatsContainer } from '@testcontainers/nats';
import type { ContainerRuntimeClient } from 'testcontainers';

import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
import type { NatsServerHandle } from './nats-server-handle.js';

/** Port nats-server listens on for clients inside the container. */
export const CONTAINER_CLIENT_PORT = 4222;
/** Port of the monitoring endpoint inside the container. */
export const CONTAINER_MONITOR_PORT = 8222;

const GRACEFUL_RESTART_MS = 10_000;
const HTTP_CONFLICT = 409;

/**
 * A {@link NatsServerHandle} backed by a testcontainers NATS container whose ports are bound to fixed host
 * ports, so `restart()` keeps the URL. The JetStream store lives inside the container (`storeDir` is
 * `undefined`) and survives `kill()` + `restart()` because the container is kept until `stop()`.
 */
export class ContainerNatsServer implements NatsServerHandle {
  readonly url: string;
  readonly port: number;
  readonly monitorUrl: string;
  readonly external = false;
  readonly storeDir = undefined;
  private removed = false;

  constructor(
    private readonly container: StartedNatsContainer,
    private readonly runtimeClient: () => Promise<ContainerRuntimeClient>,
  ) {
    const host = container.getHost();
    this.port = container.getMappedPort(CONTAINER_CLIENT_PORT);
    this.url = `nats://${host}:${this.port}`;
    this.monitorUrl = `http://${host}:${container.getMappedPort(CONTAINER_MONITOR_PORT)}`;
  }

  async stop(): Promise<void> {
    if (this.removed) return;
    this.removed = true;
    await this.container.stop({ remove: true, removeVolumes: true });
  }

  async kill(): Promise<void> {
    this.assertNotRemoved('kill');
    const client = await this.runtimeClient();
    try {
      await client.container.getById(this.container.getId()).kill({ signal: 'SIGKILL' });
    } catch (error) {
      // 409: the container is not running, which is what kill() wants anyway.
      if ((error as { statusCode?: unknown }).statusCode !== HTTP_CONFLICT) throw error;
    }
  }

  async restart(): Promise<void> {
    this.assertNotRemoved('restart');
    await this.container.restart({ timeout: GRACEFUL_RESTART_MS });
  }

  private assertNotRemoved(action: string): void {
    if (this.removed) {
      throw new FixtureError(
        FIXTURE_ERROR_CODES.ContainerUnavailable,
        `cannot ${action} nats container ${this.container.getId()}: it was stopped and removed`,
      );
    }
  }
}
