import { spawn } from 'node:child_process';
import path from 'node:path';
import { STREAMS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { connectClient } from '../src/index.js';

// The `swarm` binary as `npx swarm` runs it, on the build the test target depends on.
const BIN = path.join(__dirname, '..', 'bin', 'swarm.js');
/** A swarm whose events stream holds 4 messages and refuses new goals from half full. */
const TINY = { SWARM_EVENTS_MAX_MSGS: '4', SWARM_ADMISSION_HIGH_WATER: '0.5' };

let nats: NatsServerHandle;
let client: SwarmClient;

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NATS_URL: nats.url, ...TINY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  nats = await startNats();
  client = await connectClient({ NATS_URL: nats.url, ...TINY });
});

afterAll(async () => {
  await client?.close();
  await nats?.stop();
});

describe('swarm goal on a full swarm', () => {
  it('refuses a new goal at the door with exit 7 and one line naming the full stream, and loses nothing', async () => {
    for (const id of ['door-1', 'door-2']) {
      const run = await runCli(['goal', `find tools ${id}`, '--id', id]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`goal ${id} submitted`);
    }
    const before = (await client.readStream(STREAMS.events, 'swarm.evt.>')).map((m) => m.subject);

    const refused = await runCli(['goal', 'find tools door-3', '--id', 'door-3']);
    expect(refused.code).toBe(7);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^swarm: [^\n]+\n$/);
    expect(refused.stderr).toContain(
      'swarm: new goals refused, the swarm is full: stream SWARM_EVENTS holds 2 of its 4 messages (50%), at or ' +
        'above the admission high-water mark of 50%',
    );

    expect(before).toEqual(['swarm.evt.door-1.goal.submitted', 'swarm.evt.door-2.goal.submitted']);
    expect((await client.readStream(STREAMS.events, 'swarm.evt.>')).map((m) => m.subject)).toEqual(before);
  });
});
