import type {
  ApprovalRequested,
  Envelope,
  EventType,
  GoalCompleted,
  GoalFailed,
  GoalOutcome,
  TaskClaimed,
} from '@swarm/contracts';
import { buildGoalSubmitted, CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '@swarm/transport';
import { EXIT_CODES } from '../errors.js';
import { runGoals } from './goals.command.js';

let nats: NatsServerHandle;
const clients: SwarmClient[] = [];

/** A client on a topology of its own, so each scenario has its own events stream. */
async function swarm(name: string): Promise<SwarmClient> {
  const { topology } = isolatedTopology(uniqueName(name));
  const client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), topology, {
    provision: true,
  });
  clients.push(client);
  return client;
}

/** The envelope of an event of `goalId`, as an agent would stamp it. */
function envelope(goalId: string, type: EventType): Envelope {
  const { message } = buildGoalSubmitted(goalId, { text: `goal ${goalId}` });
  const { goal: _goal, type: _type, ...base } = message;
  return { ...base, messageId: `${goalId}/${type}` };
}

async function emit(client: SwarmClient, message: Envelope & { type: EventType }): Promise<void> {
  await client.publish({ subject: client.topology.eventSubject(message.goalId, message.type), message });
}

/** A terminal event as an agent's transport publishes it: after its evidence `end.<queue>`. */
async function end(client: SwarmClient, message: GoalCompleted | GoalFailed): Promise<void> {
  await (
    await client.goal(message.goalId)
  ).create(CONTEXT_KEYS.end(message.queue), {
    type: message.type,
    messageId: message.messageId,
    ...(message.type === 'goal.completed' ? { outcome: message.outcome } : {}),
    at: new Date().toISOString(),
  });
  await emit(client, message);
}

/** Publishes the goal's `goal.submitted`; `again` makes it a new message, as a resubmission past the dedup window. */
async function submit(client: SwarmClient, goalId: string, again = ''): Promise<void> {
  const { message } = buildGoalSubmitted(goalId, { text: `goal ${goalId}` });
  await emit(client, { ...message, messageId: `${message.messageId}${again}` });
}

const emitter = (queue: string) => ({ queue, agent: { kind: queue, instance: `${queue}-1` } });
const completed = (goalId: string, outcome: GoalOutcome): GoalCompleted => ({
  type: 'goal.completed',
  ...envelope(goalId, 'goal.completed'),
  ...emitter(outcome === 'nothing-found' ? 'search' : 'report'),
  outcome,
  summary: outcome,
  reportArtifact: null,
  deliveredTo: [],
});
const failed = (goalId: string): GoalFailed => ({
  type: 'goal.failed',
  ...envelope(goalId, 'goal.failed'),
  ...emitter('rank'),
  reason: { code: 'scrape-failed', message: 'every scrape failed', retryable: false },
  deadLetterId: null,
});
const claimed = (goalId: string, queue: string): TaskClaimed => ({
  type: 'task.claimed',
  ...envelope(goalId, 'task.claimed'),
  queue,
  agent: { kind: queue, instance: `${queue}-1` },
  deliveryCount: 1,
  streamSequence: 1,
  waitedMs: 3,
});
const requested = (goalId: string): ApprovalRequested => ({
  type: 'approval.requested',
  ...envelope(goalId, 'approval.requested'),
  reportArtifact: `${goalId}/report.md`,
  summary: 'waiting',
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
});

async function goals(client: SwarmClient, options: Parameters<typeof runGoals>[1], now = () => new Date()) {
  const lines: string[] = [];
  const code = await runGoals(client, options, (line) => lines.push(line), now);
  return { code, lines };
}
const cells = (lines: string[]) => lines.slice(1, -1).map((line) => line.split(/ {2,}/).slice(0, 2));

beforeAll(async () => {
  nats = await startNats();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await nats.stop();
});

describe('swarm goals against a real events stream', () => {
  let client: SwarmClient;
  // Submitted in this order, so the board lists them the other way round.
  const ids = {
    delivered: uniqueName('delivered'),
    nothing: uniqueName('nothing'),
    rejected: uniqueName('rejected'),
    expired: uniqueName('expired'),
    failed: uniqueName('failed'),
    scraping: uniqueName('scraping'),
    waiting: uniqueName('waiting'),
    fresh: uniqueName('fresh'),
  };

  beforeAll(async () => {
    client = await swarm('BOARD');
    for (const goalId of Object.values(ids)) await submit(client, goalId);
    await emit(client, claimed(ids.scraping, 'search'));
    await emit(client, claimed(ids.delivered, 'scrape'));
    await end(client, completed(ids.delivered, 'delivered'));
    await end(client, completed(ids.nothing, 'nothing-found'));
    await emit(client, requested(ids.rejected));
    await end(client, completed(ids.rejected, 'rejected'));
    await end(client, completed(ids.expired, 'approval-expired'));
    await end(client, failed(ids.failed));
    await emit(client, { ...claimed(ids.scraping, 'scrape'), messageId: `${ids.scraping}/scrape-claimed` });
    await emit(client, requested(ids.waiting));
  });

  it('lists the open goals newest first, each with the stage it reached', async () => {
    const { code, lines } = await goals(client, { limit: 100 });
    expect(code).toBe(EXIT_CODES.ok);
    expect(lines[0]).toMatch(/^GOAL +OUTCOME +TIME +TEXT$/);
    expect(cells(lines)).toEqual([
      [ids.fresh, 'open (submitted)'],
      [ids.waiting, 'open (awaiting-approval)'],
      [ids.scraping, 'open (scrape)'],
    ]);
    // The outcomes come from the goals' end records, read in the same pass: no event bodies needed.
    expect(lines.at(-1)).toBe(
      '3 open, 5 ended: 1 delivered, 1 nothing-found, 1 rejected, 1 approval-expired, 1 failed',
    );
  });

  it('with --all, labels each ended goal by its terminal event, never "completed" for all', async () => {
    const { lines } = await goals(client, { limit: 100, all: true });
    expect(cells(lines)).toEqual([
      [ids.fresh, 'open (submitted)'],
      [ids.waiting, 'open (awaiting-approval)'],
      [ids.scraping, 'open (scrape)'],
      [ids.failed, 'failed'],
      [ids.expired, 'approval-expired'],
      [ids.rejected, 'rejected'],
      [ids.nothing, 'nothing-found'],
      [ids.delivered, 'delivered'],
    ]);
    expect(lines.at(-1)).toBe(
      '3 open, 5 ended: 1 delivered, 1 nothing-found, 1 rejected, 1 approval-expired, 1 failed',
    );
  });

  it('prints rows as JSON with --json, and --limit keeps the newest', async () => {
    const { lines } = await goals(client, { limit: 4, all: true, json: true });
    const rows = JSON.parse(lines.join('\n')) as { goalId: string; outcome: string; stage?: string }[];
    expect(rows.map((r) => [r.goalId, r.outcome, r.stage])).toEqual([
      [ids.fresh, 'open', 'submitted'],
      [ids.waiting, 'open', 'awaiting-approval'],
      [ids.scraping, 'open', 'scrape'],
      [ids.failed, 'failed', undefined],
    ]);
  });
});

describe('swarm goals --stale-after on a stream with more goals than the limit', () => {
  it('exits 1 for a stuck goal submitted after more goals than the limit, 0 before it is stale', async () => {
    const client = await swarm('STALE_NEWEST');
    for (let i = 0; i < 12; i++) {
      const goalId = `done-${i}`;
      await submit(client, goalId);
      await emit(client, claimed(goalId, 'scrape'));
      await end(client, completed(goalId, 'delivered'));
    }
    const stuck = uniqueName('stuck');
    await submit(client, stuck);
    const options = { limit: 5, staleAfterMs: 60_000 };

    expect((await goals(client, options)).code).toBe(EXIT_CODES.ok);
    const { code, lines } = await goals(client, options, () => new Date(Date.now() + 120_000));
    expect(code).toBe(EXIT_CODES.failure);
    expect(cells(lines.slice(0, -1))).toEqual([[stuck, 'open (submitted)']]);
    expect(lines.at(-1)).toBe(`1 goal(s) not ended after 1m00s: ${stuck}`);
  });

  it('finds a stuck goal the limit hides, aged from its first submission', async () => {
    const client = await swarm('STALE_HIDDEN');
    const [stuck, resubmitted] = [uniqueName('stuck'), uniqueName('resubmitted')];
    await submit(client, stuck);
    await submit(client, resubmitted);
    // Controls the clock: `now` is a moment after these two and before every later goal.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const now = new Date();
    const newer = Array.from({ length: 6 }, (_, i) => `newer-${i}`);
    for (const goalId of newer) await submit(client, goalId);
    await submit(client, resubmitted, '/again');

    const { code, lines } = await goals(client, { limit: 3, staleAfterMs: 1_000 }, () => now);
    expect(code).toBe(EXIT_CODES.failure);
    expect(cells(lines.slice(0, -1)).map(([goalId]) => goalId)).toEqual([resubmitted, 'newer-5', 'newer-4']);
    expect(lines.at(-2)).toBe('8 open, 0 ended; 5 more not shown (--limit)');
    expect(lines.at(-1)).toBe(`2 goal(s) not ended after 1.0s: ${resubmitted}, ${stuck}`);
  });
});

describe('swarm goals and a forged end', () => {
  it('keeps a goal open, and stale, whose goal.completed nothing in its context backs', async () => {
    const client = await swarm('FORGED_END');
    const waiting = uniqueName('waiting');
    await submit(client, waiting);
    await emit(client, requested(waiting));
    // Search's credentials publish a "delivered" for a goal still waiting for approval: no end.<queue> behind it.
    await emit(client, { ...completed(waiting, 'delivered'), ...emitter('search') });

    const { code, lines } = await goals(client, { staleAfterMs: 1_000 }, () => new Date(Date.now() + 60_000));
    expect(code).toBe(EXIT_CODES.failure);
    expect(cells(lines.slice(0, -1))).toEqual([[waiting, 'open']]);
    expect(lines.at(-1)).toBe(`1 goal(s) not ended after 1.0s: ${waiting}`);
  });

  it('with --all, checks an end its emitter backed against the later stages, and warns', async () => {
    const client = await swarm('FORGED_BACKED');
    const waiting = uniqueName('waiting');
    await submit(client, waiting);
    await (
      await client.goal(waiting)
    ).create(CONTEXT_KEYS.approval, { requestedAt: new Date().toISOString() });
    await emit(client, requested(waiting));
    // Search writes its own end key too, but communications has written the goal's context since.
    await end(client, completed(waiting, 'nothing-found'));

    const { lines } = await goals(client, { all: true });
    expect(cells(lines.slice(0, -1))).toEqual([[waiting, 'open']]);
    expect(lines.at(-2)).toBe('1 open, 0 ended');
    expect(lines.at(-1)).toBe(
      `warning: goal ${waiting}: ignored forged goal.completed from search: later stages went on since (approval) (later-stage-evidence)`,
    );
  });
});
