import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { NatsServerHandle, ScriptedModelServer } from '@swarm/testing';
import { startNats, startScriptedModelServer, uniqueName, waitFor } from '@swarm/testing';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '@swarm/transport';
import { workTask } from '@swarm/transport/testing';

/** The agent replica process (dist build: run `nx build @swarm/agent-kit` first). */
const ENTRY = path.resolve(__dirname, '../dist/testing/rate-limited-agent-process.js');
const PROCESSES = 3;
const RPM = 600;
const BURST = 2;
/** Calls the server must have received before a run stops. */
const CALLS = 60;
/**
 * The window the bound is checked over: 2 s rather than 1 s, so that a stall of the test's own event loop (which
 * stamps the arrivals) on a loaded machine cannot bunch a second's requests into the next.
 */
const WINDOW_MS = 2_000;
/**
 * The most requests any window may hold: the limit's share of the window plus the burst (what the limiter
 * guarantees for the times calls start), plus one per process: a request that passed its slot at a window's
 * edge may reach the server a moment later, inside the next window.
 */
const MOST_PER_WINDOW = (RPM * WINDOW_MS) / 60_000 + BURST + PROCESSES;

let nats: NatsServerHandle;

beforeAll(async () => {
  nats = await startNats();
});

afterAll(async () => {
  await nats.stop();
});

/** The most arrivals within any window [t, t + windowMs). */
function busiestWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** A replica process and what it printed. */
interface Replica {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<void>;
}

function spawnReplica(env: Record<string, string>): Replica {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.on('data', (chunk: Buffer) => lines.push(`stderr: ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, lines, exited };
}

/**
 * Runs PROCESSES agent replicas, each working 8 tasks at once as fast as the model answers, until the scripted
 * model server has CALLS requests; returns when each arrived and what the replicas printed.
 */
async function loadRun(
  rateLimit: Record<string, string>,
): Promise<{ arrivals: number[]; lines: string[][] }> {
  const server: ScriptedModelServer = await startScriptedModelServer({ apiKey: 'sk-test' });
  const arrivals: number[] = [];
  server.script(() => {
    arrivals.push(Date.now());
    return { kind: 'json', value: { echo: 'swarm' }, usage: { input: 20, output: 5 } };
  });
  const prefix = uniqueName('RATE');
  const { topology, queues } = isolatedTopology(prefix, ['work']);
  const client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
  const replicas: Replica[] = [];
  try {
    for (let i = 0; i < CALLS * 2; i++) {
      const goalId = uniqueName('g');
      await client.publish({
        subject: queues['work']!.filterSubject,
        message: workTask(goalId, `${goalId}/w`),
      });
    }
    for (let i = 0; i < PROCESSES; i++) {
      replicas.push(
        spawnReplica({
          NATS_URL: nats.url,
          WORKER_PREFIX: prefix,
          SWARM_INSTANCE_ID: `${prefix}-${i}`,
          SWARM_IN_FLIGHT: '8',
          SWARM_MODEL: 'openai-compatible:scripted',
          SWARM_MODEL_BASE_URL: `${server.url}/v1`,
          SWARM_MODEL_API_KEY: 'sk-test',
          SWARM_MODEL_MAX_CORRECTIONS: '0',
          SWARM_MODEL_MAX_OUTPUT_TOKENS: '100',
          ...rateLimit,
        }),
      );
    }
    await waitFor(() => arrivals.length >= CALLS || undefined, {
      timeoutMs: 45_000,
      intervalMs: 50,
      description: `${CALLS} model calls (replicas said: ${replicas.flatMap((r) => r.lines.slice(-3)).join(' | ')})`,
    });
    return { arrivals: [...arrivals], lines: replicas.map((r) => [...r.lines]) };
  } finally {
    for (const replica of replicas) replica.child.kill('SIGKILL');
    await Promise.all(replicas.map((replica) => replica.exited));
    await client.close();
    await server.close();
  }
}

describe('the swarm-wide rate limit', () => {
  it('holds the combined request rate of several processes on one key under the limit plus the burst', async () => {
    const { arrivals, lines } = await loadRun({
      SWARM_MODEL_RATE_LIMIT_RPM: String(RPM),
      SWARM_MODEL_RATE_LIMIT_BURST: String(BURST),
      SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS: '60000',
      SWARM_MODEL_RATE_LIMIT_KEY: uniqueName('shared'),
    });
    expect(busiestWindow(arrivals, WINDOW_MS)).toBeLessThanOrEqual(MOST_PER_WINDOW);
    expect(lines.flat().filter((line) => line.startsWith('FAILED'))).toEqual([]);
    // Every process made calls: the limit held their sum, not one busy replica.
    for (const printed of lines) expect(printed.some((line) => line.startsWith('CALLED'))).toBe(true);
  }, 120_000);

  it('is what holds it: the same load without a limit goes past that many requests in a window', async () => {
    const { arrivals } = await loadRun({});
    expect(busiestWindow(arrivals, WINDOW_MS)).toBeGreaterThan(MOST_PER_WINDOW);
  }, 120_000);
});
