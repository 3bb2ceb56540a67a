import type { NatsServerHandle } from './nats-server-handle.js';

/** A JetStream cluster of spawned nats-servers on loopback, returned by `startNatsCluster`. */
export interface NatsClusterHandle {
  /** Client URL of each node, in node order. */
  readonly urls: readonly string[];
  /** All client URLs comma-joined: what a client gets as its servers. */
  readonly url: string;
  /** One handle per node; `kill()`/`restart()` a node for failover tests. */
  readonly nodes: readonly NatsServerHandle[];
  /** Stops every node and removes their temp directories. Idempotent. */
  stop(): Promise<void>;
}

/** Options for `startNatsCluster`. */
export interface StartNatsClusterOptions {
  /** Number of nodes; an integer from 2 to 9 (nats-server refuses a JetStream cluster without routes). Default 3. */
  readonly size?: number;
}
