import { createServer } from 'node:net';
import type { Server } from 'node:net';

const LOOPBACK = '127.0.0.1';

/**
 * Asks the OS for a TCP port that is free on 127.0.0.1 right now. Another process can still take it before
 * you bind it; the fixture retries a spawn when that happens.
 *
 * @throws the underlying `listen` error when no port can be bound at all.
 */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/**
 * Returns `count` distinct free loopback ports: all are held open together before being released, so the OS
 * cannot hand out the same port twice within one call.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listenOnRandomPort());
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('expected a tcp address');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

function listenOnRandomPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: 0, exclusive: true }, () => resolve(server));
  });
}
