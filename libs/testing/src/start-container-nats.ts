import { withoutCredentials } from './container-command.js';
import {
  CONTAINER_CLIENT_PORT,
  CONTAINER_MONITOR_PORT,
  ContainerNatsServer,
} from './container-nats-server.js';
import { freePorts } from './free-port.js';

/** Image the container path runs; JetStream is switched on with `--jetstream`. */
export const NATS_IMAGE = 'nats:2.10-alpine';

/**
 * Starts nats-server in a container through `@testcontainers/nats` (loaded on this path only), with
 * JetStream and monitoring on, no credentials, and client/monitor ports bound to fixed host ports (`port`
 * or a free one). Resolves once the server logs "Server is ready" (the module's wait strategy).
 *
 * @throws whatever testcontainers throws when the image cannot be pulled or the container does not start.
 */
export async function startContainerNats(
  options: { readonly port?: number } = {},
): Promise<ContainerNatsServer> {
  const [{ NatsContainer }, { getContainerRuntimeClient }] = await Promise.all([
    import('@testcontainers/nats'),
    import('testcontainers'),
  ]);

  /** The module always adds --user/--pass; a bare `nats://host:port` URL needs a server without them. */
  class AnonymousNatsContainer extends NatsContainer {
    override withCommand(command: string[]): this {
      return super.withCommand(withoutCredentials(command));
    }
  }

  const [randomPort, monitorPort] = await freePorts(2);
  const container = await new AnonymousNatsContainer(NATS_IMAGE)
    .withJetStream()
    .withArg('--http_port', String(CONTAINER_MONITOR_PORT))
    .withExposedPorts(
      { container: CONTAINER_CLIENT_PORT, host: options.port ?? randomPort! },
      { container: CONTAINER_MONITOR_PORT, host: monitorPort! },
    )
    .start();
  return new ContainerNatsServer(container, getContainerRuntimeClient);
}
