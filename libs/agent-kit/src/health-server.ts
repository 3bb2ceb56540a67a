import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RuntimeHealth } from '@swarm/transport';
import type { AgentProfile } from './agent-profile.js';

/** A running health endpoint. */
export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (the process is alive: 200) and `GET /readyz` (200 when connected to NATS and every
 * consumer is bound, else 503), both with a JSON body naming the agent, its queues and the server version, and
 * `GET /metrics` (Prometheus) when a metrics handler is given.
 */
export async function startHealthServer(options: {
  readonly host: string;
  readonly port: number;
  readonly profile: AgentProfile;
  /** The agent's brain as it may be shown: `builtin` or `<provider>:<model>` (never a key). */
  readonly model?: string;
  readonly instanceId: string;
  readonly health: () => RuntimeHealth;
  /** Serves `GET /metrics` (Prometheus text) when given. */
  readonly metrics?: (request: IncomingMessage, response: ServerResponse) => void;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/metrics' && options.metrics) {
      options.metrics(request, response);
      return;
    }
    if (path !== '/healthz' && path !== '/readyz') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const health = options.health();
    const body = JSON.stringify({
      agent: options.profile.kind,
      instance: options.instanceId,
      model: options.model ?? 'builtin',
      ...health,
    });
    const status = path === '/healthz' || health.ready ? 200 : 503;
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
