import type { ApprovalRequested, Envelope, EventType, GoalCompleted } from '@swarm/contracts';
import { buildGoalSubmitted } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import { isolatedTopology, parseTransportSettings, SwarmClient } from '@swarm/transport';
import { EXIT_CODES } from '../errors.js';
import { runGoals } from './goals.command.js';

let nats: NatsServerHandle;
let client: SwarmClient;
const ids = { done: uniqueName('done'), open: uniqueName('open'), waiting: uniqueName('wait') };

/** The envelope of an event of `goalId`, as an agent would stamp it. */
function envelope(goalId: string, type: EventType): Envelope {
  const { message } = buildGoalSubmitted(goalId, { text: `goal ${goalId}` });
  const { goal: _goal, type: _type, ...base } = message;
  return { ...base, messageId: `${goalId}/${type}` };
}

beforeAll(async () => {
  nats = await startNats();
  const { topology } = isolatedTopology(uniqueName('GOALS'));
  const settings = parseTransportSettings({ natsUrl: nats.url });
  client = await SwarmClient.connect(settings, topology, { provision: true });
  for (const goalId of Object.values(ids)) {
    const { message } = buildGoalSubmitted(goalId, { text: `goal ${goalId}` });
    await client.publish({ subject: client.topology.eventSubject(goalId, 'goal.submitted'), message });
  }
  const completed: GoalCompleted = {
    type: 'goal.completed',
    ...envelope(ids.done, 'goal.completed'),
    outcome: 'delivered',
    summary: 'done',
    reportArtifact: null,
    deliveredTo: [],
  };
  const requested: ApprovalRequested = {
    type: 'approval.requested',
    ...envelope(ids.waiting, 'approval.requested'),
    reportArtifact: `${ids.waiting}/report.md`,
    summary: 'waiting',
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
  };
  for (const message of [completed, requested]) {
    await client.publish({ subject: client.topology.eventSubject(message.goalId, message.type), message });
  }
});

afterAll(async () => {
  await client.close();
  await nats.stop();
});

async function goals(options: Parameters<typeof runGoals>[1], nowOffsetMs = 0) {
  const lines: string[] = [];
  const code = await runGoals(
    client,
    options,
    (line) => lines.push(line),
    () => new Date(Date.now() + nowOffsetMs),
  );
  return { code, lines };
}

describe('swarm goals against a real events stream', () => {
  it('lists the goals not ended, oldest first, and counts every state', async () => {
    const { code, lines } = await goals({ limit: 100 });
    expect(code).toBe(EXIT_CODES.ok);
    expect(lines[0]).toMatch(/^GOAL +STATE +TIME +TEXT$/);
    expect(lines.slice(1, -1).map((line) => line.split(/ +/).slice(0, 2))).toEqual([
      [ids.open, 'open'],
      [ids.waiting, 'awaiting-approval'],
    ]);
    expect(lines.at(-1)).toBe('1 open, 1 awaiting approval, 1 completed, 0 failed');
  });

  it('lists ended goals too with --all, as JSON with --json', async () => {
    const { lines } = await goals({ limit: 100, all: true, json: true });
    const rows = JSON.parse(lines.join('\n')) as { goalId: string; state: string }[];
    expect(rows.map((r) => [r.goalId, r.state])).toEqual([
      [ids.done, 'completed'],
      [ids.open, 'open'],
      [ids.waiting, 'awaiting-approval'],
    ]);
  });

  it('exits 1 and names the goals not ended once they are older than --stale-after', async () => {
    expect((await goals({ limit: 100, staleAfterMs: 60_000 })).code).toBe(EXIT_CODES.ok);
    const { code, lines } = await goals({ limit: 100, staleAfterMs: 60_000 }, 120_000);
    expect(code).toBe(EXIT_CODES.failure);
    expect(lines.at(-1)).toBe(`2 goal(s) not ended after 1m00s: ${ids.open}, ${ids.waiting}`);
  });
});
