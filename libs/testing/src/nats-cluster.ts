import type { NatsClusterHandle } from './nats-cluster-handle.js';
import type { SpawnedNatsServer } from './spawned-nats-server.js';

/** The {@link NatsClusterHandle} `startNatsCluster` returns. */
export class NatsCluster implements NatsClusterHandle {
  readonly urls: readonly string[];
  readonly url: string;

  constructor(readonly nodes: readonly SpawnedNatsServer[]) {
    this.urls = nodes.map((node) => node.url);
    this.url = this.urls.join(',');
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
  }
}
