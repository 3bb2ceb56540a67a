import { createServer } from 'node:net';

/** Listens on host:port and closes again; resolves with the port bound, or undefined when it is taken. */
async function tryListen(host: string, port: number): Promise<number | undefined> {
  const server = createServer();
  const bound = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => resolve(true));
  });
  if (!bound) return undefined;
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : undefined;
}

/** A port free on `host` right now (the OS picks it). Throws when none can be bound. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const port = await tryListen(host, 0);
  if (port === undefined) throw new Error(`no free port on ${host}`);
  return port;
}

/** True when nothing listens on host:port (binding it succeeds). */
export async function isPortFree(host: string, port: number): Promise<boolean> {
  return (await tryListen(host, port)) !== undefined;
}
