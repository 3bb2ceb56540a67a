import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { followGoal } from '@swarm/goal-views';
import { connectClient, runGoal } from '../src/index.js';
import { FAST_AGENT_ENV } from './e2e-harness.js';

// `swarm dev` as a person runs it: the `swarm` binary (package.json `bin`) on the build the test target depends on.
const BIN = path.join(__dirname, '..', 'bin', 'swarm.js');

let nats: NatsServerHandle;
let client: SwarmClient;
let dev: ChildProcessByStdio<null, Readable, Readable>;
let stdout = '';
let stderr = '';
let exited: Promise<number | null>;
let stateDir: string;

beforeAll(async () => {
  nats = await startNats();
  client = await connectClient({ NATS_URL: nats.url });
  stateDir = mkdtempSync(path.join(tmpdir(), 'swarm-dev-'));
  // Any free port for the gateway: 8080 may be taken on the machine running the tests.
  dev = spawn(process.execPath, [BIN, 'dev', '--gateway-port', '0'], {
    // The user's own delivery settings: stdout only. `swarm dev` must keep them.
    env: {
      ...process.env,
      ...FAST_AGENT_ENV,
      NATS_URL: nats.url,
      SWARM_STATE_DIR: stateDir,
      DELIVERY_SINKS: 'stdout',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  dev.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  exited = new Promise((resolve) => dev.once('exit', (code) => resolve(code)));
  await waitFor(() => stdout.includes('Ctrl-C stops everything.') || dev.exitCode !== null, {
    timeoutMs: 90_000,
    description: 'swarm dev up',
  }).catch((error: Error) => {
    throw new Error(`${error.message}; stdout:\n${stdout}\nstderr:\n${stderr.slice(-2_000)}`);
  });
  if (dev.exitCode !== null) throw new Error(`swarm dev exited (${dev.exitCode}):\n${stdout}\n${stderr}`);
}, 120_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    dev.kill('SIGINT');
    await exited;
  }
  await client?.close();
  await nats?.stop();
});

describe('swarm dev', () => {
  it('prints one line per agent replica with its health and metrics URLs, and they answer', async () => {
    const lines = stdout.split('\n').filter((line) => /^ {2}\S+-\d+ +health /.test(line));
    expect(lines.map((line) => line.trim().split(' ')[0]).sort()).toEqual([
      'communications-1',
      'ranker-1',
      'scraper-1',
      'search-1',
    ]);
    for (const line of lines) {
      const [, readyz, metrics] = /health (\S+) +metrics (\S+)$/.exec(line) ?? [];
      expect((await fetch(readyz!)).status).toBe(200);
      expect(await (await fetch(metrics!)).text()).toContain('swarm_consumer_pending');
    }
    // No raw agent output (JSON log lines) unless --logs.
    expect(stdout).not.toMatch(/^\[\S+\] \{/m);
  });

  it('prints the console URL and a login token with every role that the gateway accepts, and keeps only its hash', async () => {
    const url = /^ {2}console (http:\/\/127\.0\.0\.1:\d+)\/ /m.exec(stdout)?.[1];
    const token = /^ {2}login {3}(\S+)$/m.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(token).toBeDefined();
    const whoami = (auth?: string) =>
      fetch(`${url}/api/v1/whoami`, auth ? { headers: { authorization: auth } } : {});
    const me = await whoami(`Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { roles: string[] }).roles.sort()).toEqual([
      'approver',
      'operator',
      'submitter',
      'viewer',
    ]);
    expect((await whoami()).status).toBe(401);
    expect((await whoami(`Bearer ${token}x`)).status).toBe(401);
    const tokensFile = path.join(stateDir, 'gateway-tokens.json');
    expect(statSync(tokensFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(tokensFile, 'utf8')).not.toContain(token);
  });

  it("keeps a running tally of the goals as they run and end, delivering as the user's settings say", async () => {
    const tallyLines = () => stdout.split('\n').filter((line) => line.startsWith('goals  '));
    expect(tallyLines()[0]).toBe(
      'goals  0 submitted | 0 running | 0 waiting for approval | 0 delivered | 0 failed | 0 ended undelivered (nothing found, rejected, expired)',
    );
    const { goalId } = await runGoal(
      client,
      'agent frameworks',
      { id: uniqueName('dev'), timeout: 60_000 },
      () => undefined,
    );
    const { final } = await followGoal(client, goalId, { timeoutMs: 60_000 });
    expect(final.body).toMatchObject({ outcome: 'delivered', deliveredTo: ['stdout'] });
    await waitFor(
      () =>
        tallyLines().some((line) =>
          line.startsWith('goals  1 submitted | 0 running | 0 waiting for approval | 1 delivered'),
        ),
      {
        description: 'the tally with the goal delivered',
      },
    );
    expect(tallyLines().some((line) => line.startsWith('goals  1 submitted | 1 running'))).toBe(true);
  });

  it('stops on Ctrl-C with exit 0', async () => {
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopping: agents drain their in-flight tasks');
  });
});
