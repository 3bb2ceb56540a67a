import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

import { waitFor } from './wait-for.js';

/** A separate Node process starts a server through the public entry point, prints it, then SIGKILLs itself. */
const SCRIPT = `
import { startNats } from ${JSON.stringify(join(__dirname, 'index.ts'))};
const server = await startNats({ forceSpawn: true });
console.log(JSON.stringify({ port: server.port, storeDir: server.storeDir }));
process.kill(process.pid, 'SIGKILL');
`;

function runOwnerProcess(): Promise<{ port: number; storeDir: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', SCRIPT],
      { cwd: __dirname, timeout: 30_000 },
      (_error, stdout, stderr) => {
        const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line === undefined) reject(new Error(`owner process printed no server: ${stderr}`));
        else resolve(JSON.parse(line) as { port: number; storeDir: string });
      },
    );
  });
}

function acceptsConnection(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('a spawned nats-server', () => {
  it('dies with the process that started it, even when that process is SIGKILLed', async () => {
    const { port, storeDir } = await runOwnerProcess();
    try {
      await waitFor(async () => !(await acceptsConnection(port)), {
        timeoutMs: 5_000,
        description: `the orphaned server on port ${port} to go away`,
      });
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  });
});
