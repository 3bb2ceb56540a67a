import { connect } from 'node:net';

/**
 * Opens a raw TCP connection to a NATS client port and resolves true once the server's `INFO {...}` greeting
 * arrives, false on refusal, a different greeting or `timeoutMs` without one. Never rejects.
 */
export function probeNatsGreeting(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let received = '';
    const finish = (ready: boolean): void => {
      socket.destroy();
      resolve(ready);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (received.includes('\r\n')) finish(received.startsWith('INFO '));
    });
  });
}
