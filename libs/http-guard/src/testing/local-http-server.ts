import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 and a random port, for integration tests. */
export interface LocalHttpServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** `127.0.0.1:<port>`, as an allow-list entry. */
  readonly hostPort: string;
  /** Request paths seen, in arrival order. */
  readonly paths: string[];
  /** Request headers seen, in arrival order. */
  readonly headers: IncomingMessage['headers'][];
  /** Stops the server, cutting open connections. */
  close(): Promise<void>;
}

/** Starts a node:http server with `handler` on 127.0.0.1, port 0 (the OS picks a free one). */
export async function startLocalHttpServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<LocalHttpServer> {
  const paths: string[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    headers.push(request.headers);
    handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hostPort: `127.0.0.1:${port}`,
    paths,
    headers,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port nothing listens on: bound once by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = await startLocalHttpServer(() => undefined);
  await server.close();
  return server.port;
}
