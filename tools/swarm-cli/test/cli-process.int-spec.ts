import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Envelope, GoalCompleted, GoalFailed } from '@swarm/contracts';
import { ARTIFACTS, buildGoalSubmitted, CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { buildGoalSubmission } from '@swarm/goal-views';
import { connectClient } from '../src/index.js';

// The `swarm` binary as `npx swarm` runs it (package.json `bin`), on the build the test target depends on.
const BIN = path.join(__dirname, '..', 'bin', 'swarm.js');
const { version } = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};
const ZERO_WEIGHTS = 'relevance=0,adoption=0,freshness=0,coverage=0,license=0';

let nats: NatsServerHandle;
let client: SwarmClient;
let stateDir: string;
/** A goal on the bus, so a wildcard read (`swarm status '*'`) would find something to show. */
const present = uniqueName('present');
/** Goal ids the refused `swarm goal` runs ask for: none of them may reach the bus. */
const refused = { sink: uniqueName('sink'), weights: uniqueName('weights'), unknown: uniqueName('unknown') };

/** A command line as a test title: quoted words with spaces, the test's generated goal ids as `<id>`. */
const shown = (args: readonly string[]) =>
  args
    .map((arg) =>
      [present, ...Object.values(refused)].includes(arg) ? '<id>' : arg.includes(' ') ? `"${arg}"` : arg,
    )
    .join(' ');

/** A row of the bad-usage table. */
const usage = (args: string[], problem: string) => ({ command: shown(args), args, problem });

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type CliChild = ChildProcessByStdio<null, Readable, Readable>;

/** Spawns `swarm <args>` on the test's NATS; `onStart` may close its stdout. Resolves when it exits. */
function runCli(args: readonly string[], onStart?: (child: CliChild) => void): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NATS_URL: nats.url, SWARM_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  onStart?.(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The envelope of an event of `goalId`, as an agent would stamp it. */
function envelope(goalId: string, type: string): Envelope {
  const { message } = buildGoalSubmitted(goalId, { text: `goal ${goalId}` });
  const { goal: _goal, type: _type, ...base } = message;
  return { ...base, messageId: `${goalId}/${type}` };
}

beforeAll(async () => {
  nats = await startNats();
  stateDir = mkdtempSync(path.join(tmpdir(), 'swarm-cli-process-'));
  client = await connectClient({ NATS_URL: nats.url });
  const { subject, message } = buildGoalSubmission({ text: 'find agent tools' }, { goalId: present });
  await client.publish({ subject, message });
});

afterAll(async () => {
  await client?.close();
  await nats?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

describe('swarm on bad usage', () => {
  it.each([
    usage(['goal'], "missing required argument 'text'"),
    usage(['status'], "missing required argument 'goalId'"),
    usage(['goals', '--bogus'], "unknown option '--bogus'"),
    usage(['bogus'], "unknown command 'bogus'"),
    usage(['goal', 'find agents', '--top', '0'], "argument '0' is invalid"),
    usage(['goal', 'find agents', '--top', '2.5'], "argument '2.5' is invalid"),
    usage(['reject', present], "required option '--comment <text>' not specified"),
    usage(['status', '*'], 'goal id "*" rejected'),
    usage(['status', 'a.b'], 'goal id "a.b" rejected'),
    usage(['inspect', '>'], 'goal id ">" rejected'),
    usage(['trace', 'a.b'], 'goal id "a.b" rejected'),
    usage(['approve', 'a.*'], 'goal id "a.*" rejected'),
    usage(['approve', present], 'is not waiting for approval'),
    usage(['review', present], 'is not waiting for approval'),
    usage(['approve', present, '--by', 'a.b'], 'approver identity "a.b" (--by) must be'),
    usage(['goal', 'find agents', '--id', 'a.b'], 'goal id "a.b" rejected'),
    usage(
      ['dlq', 'list', '--queue', 'bogus'],
      'unknown queue "bogus": the queues are search, scrape, rank, report',
    ),
    usage(['goal', 'find agents', '--id', refused.sink, '--deliver-to', 'slack'], 'unknown sink "slack"'),
    usage(
      ['goal', 'find agents', '--id', refused.weights, '--weights', ZERO_WEIGHTS],
      'every component is 0',
    ),
    usage(
      ['goal', 'find agents', '--id', refused.unknown, '--weights', 'speed=1'],
      'unknown component "speed"',
    ),
    usage(['demo', '--weights', ZERO_WEIGHTS], 'every component is 0'),
    usage(['watch', 'a.>'], 'goal id "a.>" rejected'),
    usage(['watch', refused.unknown], `no events for goal ${refused.unknown}`),
  ])(
    'exits 2 on "swarm $command" with one "swarm:" line naming the problem and no stack',
    async ({ args, problem }) => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^swarm: [^\n]+\n$/);
      expect(run.stderr).toContain(problem);
    },
  );

  it('publishes nothing for a goal it refused', async () => {
    for (const goalId of Object.values(refused)) expect(await client.goalEvents(goalId)).toEqual([]);
    expect(await client.goalEvents(present)).toHaveLength(1);
  });
});

/** Who ends a goal: an agent queue, as its transport stamps the event. */
const emitter = (queue: string) => ({ queue, agent: { kind: queue, instance: `${queue}-1` } });

/** The evidence an agent's transport stores before it publishes a terminal event (`end.<queue>`). */
async function recordEnd(event: GoalCompleted | GoalFailed): Promise<void> {
  await (
    await client.goal(event.goalId)
  ).create(CONTEXT_KEYS.end(event.queue), {
    type: event.type,
    messageId: event.messageId,
    ...(event.type === 'goal.completed' ? { outcome: event.outcome } : {}),
    at: new Date().toISOString(),
  });
}

describe('swarm goal --wait', () => {
  it('ends with a one-line summary of the goal and the names of its Markdown and HTML reports', async () => {
    const goalId = uniqueName('waited');
    let started!: () => void;
    const submitted = new Promise<void>((resolve) => (started = resolve));
    const running = runCli(
      ['goal', 'find agent tools', '--wait', '--id', goalId, '--timeout', '60000'],
      (child) => child.stdout.once('data', () => started()),
    );
    await submitted;
    // What the communications agent leaves behind when it delivers: the reports, then goal.completed.
    const goal = await client.goal(goalId);
    const { name: markdown } = await goal.putArtifact(
      ARTIFACTS.reportMarkdown,
      '# Swarm report: find agent tools',
    );
    await goal.putArtifact(ARTIFACTS.reportHtml, '<h1>Swarm report</h1>');
    const completed: GoalCompleted = {
      type: 'goal.completed',
      ...envelope(goalId, 'goal.completed'),
      ...emitter('report'),
      outcome: 'delivered',
      summary: 'Top 1 of 1 candidates: agent-kit (0.90)',
      reportArtifact: markdown,
      deliveredTo: ['file'],
    };
    await recordEnd(completed);
    await client.publish({
      subject: client.topology.eventSubject(goalId, completed.type),
      message: completed,
    });

    const run = await running;
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('# Swarm report: find agent tools');
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^goal ${goalId} delivered in \\d+\\.\\d\\ds: Top 1 of 1 candidates: agent-kit \\(0\\.90\\)$`,
        ),
      ),
      `reports: ${goalId}/report.md (Markdown) and ${goalId}/report.html (HTML) in object store swarm-reports`,
    ]);
  });
});

describe('swarm watch', () => {
  it("re-attaches to a running goal: its events so far, then live to its end, with the goal's exit code", async () => {
    const goalId = uniqueName('watched');
    const submission = buildGoalSubmission({ text: 'find agent tools' }, { goalId });
    await client.submitGoal({ subject: submission.subject, message: submission.message });
    let attached!: () => void;
    const printing = new Promise<void>((resolve) => (attached = resolve));
    const running = runCli(['watch', goalId, '--timeout', '60000'], (child) =>
      child.stdout.once('data', () => attached()),
    );
    await printing;
    await endGoalFromTest(goalId);
    const run = await running;
    expect(run).toMatchObject({ code: 5, stderr: '' });
    expect(run.stdout).toMatch(/^ +\+0\.00s +goal submitted: "find agent tools"$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`^goal ${goalId} FAILED in \\d+\\.\\d\\ds \\(stopped-by-test\\): the test ends this goal$`),
    );
  });
});

/** Ends a goal as the ranker would (its end record, then goal.failed with code `stopped-by-test`). */
async function endGoalFromTest(goalId: string): Promise<void> {
  const failed: GoalFailed = {
    type: 'goal.failed',
    ...envelope(goalId, 'goal.failed'),
    ...emitter('rank'),
    reason: { code: 'stopped-by-test', message: 'the test ends this goal', retryable: false },
    deadLetterId: null,
  };
  await recordEnd(failed);
  await client.publish({ subject: client.topology.eventSubject(goalId, failed.type), message: failed });
}

describe('swarm --version', () => {
  it.each(['--version', '-V'])('prints the package version for %s and exits 0', async (flag) => {
    expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('swarm with its stdout closed early', () => {
  it('exits quietly when the reader is gone before it prints (swarm dlq list)', async () => {
    const run = await runCli(['dlq', 'list'], (child) => child.stdout.destroy());
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits quietly when the reader closes after the first line while the goal goes on (goal --wait | head -1)', async () => {
    const goalId = uniqueName('piped');
    let closed!: () => void;
    const firstChunk = new Promise<void>((resolve) => (closed = resolve));
    const running = runCli(
      ['goal', 'find agent tools', '--wait', '--id', goalId, '--timeout', '60000'],
      (child) =>
        child.stdout.once('data', () => {
          child.stdout.destroy();
          closed();
        }),
    );
    await firstChunk;
    // The goal goes on after the reader left: the CLI has another line to print.
    await endGoalFromTest(goalId);
    const run = await running;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
