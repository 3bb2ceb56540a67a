import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeliveryCapabilities, DEPLOYMENT_KEYS, STREAMS } from '@swarm/contracts';
import type { DevStack } from '@swarm/local-stack';
import { startDevStack } from '@swarm/local-stack';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { connectClient } from '../src/index.js';

// The `swarm` binary as `npx swarm` runs it, on the build the test target depends on.
const BIN = path.join(__dirname, '..', 'bin', 'swarm.js');

let nats: NatsServerHandle;
let client: SwarmClient;
let stack: DevStack | undefined;
const stateDir = mkdtempSync(path.join(tmpdir(), 'deliver-to-door-'));

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NATS_URL: nats.url },
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

/** Reads the delivery record until the communications replica has announced it (bounded by the test timeout). */
async function announcedDelivery(): Promise<DeliveryCapabilities> {
  for (;;) {
    const record = await client.deploymentRecord(DEPLOYMENT_KEYS.delivery);
    if (record !== undefined) return DeliveryCapabilities.parse(record);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const submittedGoals = async () =>
  (await client.readStream(STREAMS.events, 'swarm.evt.*.goal.submitted')).map((m) => m.subject);

beforeAll(async () => {
  nats = await startNats();
  client = await connectClient({ NATS_URL: nats.url });
});

afterAll(async () => {
  await stack?.stop();
  await client?.close();
  await nats?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('swarm goal --deliver-to, checked against the deployment at the door', () => {
  it('admits any known sink while no communications agent has announced its sinks', async () => {
    expect(await client.deploymentRecord(DEPLOYMENT_KEYS.delivery)).toBeUndefined();
    const run = await runCli(['goal', 'find tools early', '--id', 'early', '--deliver-to', 'webhook']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(await submittedGoals()).toEqual(['swarm.evt.early.goal.submitted']);
  });

  it('refuses a sink the communications agent does not enable with exit 2 and publishes nothing', async () => {
    stack = await startDevStack({
      env: { ...process.env, NATS_URL: nats.url },
      scale: { search: 0, scraper: 0, ranker: 0, communications: 1 },
      stateDir,
      agentEnv: { DELIVERY_SINKS: 'file,stdout', DELIVERY_FILE_DIR: path.join(stateDir, 'reports') },
    });
    const announced = await announcedDelivery();
    expect({ sinks: announced.sinks, instance: announced.instance }).toEqual({
      sinks: ['file', 'stdout'],
      instance: 'communications-1',
    });

    const refused = await runCli(['goal', 'find tools hook', '--id', 'hook', '--deliver-to', 'file,webhook']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'swarm: goal refused: this deployment does not deliver to "webhook"; its communications agent enables ' +
        'file, stdout (DELIVERY_SINKS). Nothing was submitted\n',
    );
    expect(await submittedGoals()).toEqual(['swarm.evt.early.goal.submitted']);
  });

  it('admits a goal naming only enabled sinks, and one naming none', async () => {
    for (const [id, extra] of [
      ['to-file', ['--deliver-to', 'file']],
      ['to-all', []],
    ] as const) {
      const run = await runCli(['goal', `find tools ${id}`, '--id', id, ...extra]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`goal ${id} submitted`);
    }
    expect(await submittedGoals()).toEqual([
      'swarm.evt.early.goal.submitted',
      'swarm.evt.to-file.goal.submitted',
      'swarm.evt.to-all.goal.submitted',
    ]);
  });
});
