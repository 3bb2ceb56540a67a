const LOOPBACK = '127.0.0.1';

/** One node of a loopback JetStream cluster. */
export interface ClusterNodeConfig {
  readonly serverName: string;
  readonly clusterName: string;
  readonly port: number;
  readonly monitorPort: number;
  readonly clusterPort: number;
  readonly storeDir: string;
  /** Cluster ports of the other nodes, each becomes a route. */
  readonly routePorts: readonly number[];
}

/**
 * Renders a nats-server config file for one cluster node: client, monitoring and cluster listeners all on
 * 127.0.0.1, JetStream with its own store dir, and routes to every other node. JetStream clustering needs
 * both `server_name` and a cluster `name`. Pure.
 */
export function renderClusterNodeConfig(node: ClusterNodeConfig): string {
  const q = (value: string): string => JSON.stringify(value);
  const routes = node.routePorts.map((port) => `    ${q(`nats-route://${LOOPBACK}:${port}`)}`);
  return [
    `server_name: ${q(node.serverName)}`,
    `listen: ${q(`${LOOPBACK}:${node.port}`)}`,
    `http: ${q(`${LOOPBACK}:${node.monitorPort}`)}`,
    'jetstream {',
    `  store_dir: ${q(node.storeDir)}`,
    '}',
    'cluster {',
    `  name: ${q(node.clusterName)}`,
    `  listen: ${q(`${LOOPBACK}:${node.clusterPort}`)}`,
    '  routes: [',
    ...routes,
    '  ]',
    '}',
    '',
  ].join('\n');
}
