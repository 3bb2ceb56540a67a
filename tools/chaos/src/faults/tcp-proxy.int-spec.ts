import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';
import { TcpProxy } from './tcp-proxy.js';

let echo: Server;
let echoPort: number;
let proxy: TcpProxy;

beforeAll(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoPort = (echo.address() as { port: number }).port;
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: echoPort });
});
afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextData(socket: Socket, ms = 300): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('data', onData);
      resolve(undefined);
    }, ms);
    const onData = (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(chunk.toString());
    };
    socket.once('data', onData);
  });
}

describe('the partitioning TCP proxy', () => {
  it('forwards, holds bytes while frozen, and delivers them intact when healed', async () => {
    const socket = await open();
    socket.write('ping');
    expect(await nextData(socket)).toBe('ping');
    proxy.freeze();
    socket.write('held');
    expect(await nextData(socket)).toBeUndefined();
    const waiting = nextData(socket, 2_000);
    proxy.heal();
    expect(await waiting).toBe('held');
    socket.destroy();
  });

  it('destroys connections when cut and refuses new ones until healed', async () => {
    const socket = await open();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    proxy.cut();
    await closed;
    const refused = await open().then(
      (s) => new Promise<boolean>((resolve) => s.once('close', () => resolve(true))),
      () => true,
    );
    expect(refused).toBe(true);
    expect(proxy.counts.refused).toBeGreaterThan(0);
    proxy.heal();
    const again = await open();
    again.write('back');
    expect(await nextData(again)).toBe('back');
    again.destroy();
  });
});
