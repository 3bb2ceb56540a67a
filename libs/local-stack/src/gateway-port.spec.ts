import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { StackConfigError } from './errors.js';
import { pickGatewayPort } from './gateway-port.js';
import { freePort, isPortFree } from './ports.js';

const HOST = '127.0.0.1';
const held: Server[] = [];

/** Listens on a free loopback port until the test ends; resolves with the port. */
async function holdPort(): Promise<number> {
  const server = createServer();
  held.push(server);
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return address.port;
}

afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('pickGatewayPort', () => {
  it('takes the preferred port when nothing listens on it', async () => {
    const preferred = await freePort(HOST);
    expect(await pickGatewayPort(HOST, undefined, preferred)).toEqual({ port: preferred, fellBack: false });
  });

  it('falls back to another free port when the preferred one is taken, and says so', async () => {
    const taken = await holdPort();
    const picked = await pickGatewayPort(HOST, undefined, taken);
    expect(picked.fellBack).toBe(true);
    expect(picked.port).not.toBe(taken);
    expect(await isPortFree(HOST, picked.port)).toBe(true);
  });

  it('refuses a port asked for that is taken, naming it and the way out', async () => {
    const taken = await holdPort();
    const picking = pickGatewayPort(HOST, taken);
    await expect(picking).rejects.toThrow(StackConfigError);
    await expect(picking).rejects.toThrow(`gateway port ${taken} on ${HOST} is taken`);
    await expect(picking).rejects.toThrow('--gateway-port');
  });

  it('takes a free port asked for as it is, and any free port for 0', async () => {
    const free = await freePort(HOST);
    expect(await pickGatewayPort(HOST, free)).toEqual({ port: free, fellBack: false });
    expect((await pickGatewayPort(HOST, 0)).port).toBeGreaterThan(0);
  });

  it('refuses a number that is no TCP port', async () => {
    await expect(pickGatewayPort(HOST, 70_000)).rejects.toThrow(
      'gateway port must be an integer from 0 to 65535, got 70000',
    );
  });
});
