import type { ApprovalState } from '@swarm/contracts';
import { ARTIFACTS, CONTEXT_KEYS, messageIds, QUEUES, STREAMS } from '@swarm/contracts';
import { waitFor } from '@swarm/testing';
import type { StoredMessage, SwarmClient } from '@swarm/transport';
import type { CommunicationsSwarm } from '../testing/communications-swarm.js';
import { publishReportTask, startCommunicationsSwarm } from '../testing/communications-swarm.js';

const PARKED = 1_000;
const OTHERS = 50;
const BATCH = 50;

/** Publishes `count` report tasks, `BATCH` at a time; returns their goal ids. */
async function publishMany(client: SwarmClient, count: number, requireApproval: boolean): Promise<string[]> {
  const goals: string[] = [];
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, () =>
      publishReportTask(client, { requireApproval, prefix: requireApproval ? 'parked' : 'other' }),
    );
    goals.push(...(await Promise.all(batch)));
  }
  return goals;
}

/** Every stored event of one type, of every goal. */
const eventsOfType = (client: SwarmClient, type: string): Promise<StoredMessage[]> =>
  client.readStream(STREAMS.events, `swarm.evt.*.${type}`, { limit: 100_000 });

const bodyOf = (message: StoredMessage) => message.body as Record<string, unknown>;

/** The goal.completed of one goal, once it is stored. */
const completionOf = (client: SwarmClient, goalId: string) =>
  waitFor(
    async () =>
      (await client.goalEvents(goalId)).map(bodyOf).find((event) => event['type'] === 'goal.completed'),
    { timeoutMs: 60_000, description: `goal.completed of ${goalId}` },
  );

// Two in-flight slots: a report that waited inside its task for a human would hold one, and two such goals would
// stop every other report. Parked goals hold none.
describe('goals parked for approval', () => {
  let swarm: CommunicationsSwarm;
  let parked: string[];

  beforeAll(async () => {
    swarm = await startCommunicationsSwarm({
      SWARM_IN_FLIGHT: '2',
      APPROVAL_TIMEOUT_MS: String(60 * 60_000),
      APPROVAL_SWEEP_MS: '100',
    });
  }, 60_000);
  afterAll(async () => {
    await swarm?.stop();
  });

  it('park 1,000 goals waiting for approval, holding no slot, while 50 other goals complete', async () => {
    const { client } = swarm;
    parked = await publishMany(client, PARKED, true);
    await waitFor(async () => (await eventsOfType(client, 'approval.requested')).length === PARKED, {
      timeoutMs: 600_000,
      intervalMs: 1_000,
      description: `${PARKED} approval requests`,
    });
    await waitFor(() => swarm.communications.resumer.openGoals === PARKED, {
      timeoutMs: 60_000,
      description: `${PARKED} goals open in the resumer`,
    });

    const others = await publishMany(client, OTHERS, false);
    const completed = await waitFor(
      async () => {
        const all = await eventsOfType(client, 'goal.completed');
        return all.length >= OTHERS ? all : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 500, description: `${OTHERS} completed goals` },
    );
    expect(completed.map((m) => bodyOf(m)['goalId']).sort()).toEqual([...others].sort());
    expect(completed.every((m) => bodyOf(m)['outcome'] === 'delivered')).toBe(true);
    // Every parked goal's task ended (acked): nothing waits in the queue or holds a slot.
    expect(await client.pending(QUEUES.report.stream, QUEUES.report.durable)).toMatchObject({
      pending: 0,
      ackPending: 0,
    });
    expect(swarm.communications.resumer.openGoals).toBe(PARKED);
    const parkedTasks = (await eventsOfType(client, 'task.completed')).filter(
      (m) => (bodyOf(m)['output'] as Record<string, unknown> | undefined)?.['parked'] === true,
    );
    expect(parkedTasks).toHaveLength(PARKED);
  }, 900_000);

  it('finds every parked goal again after a restart; a decision resumes one and the deadline another', async () => {
    const { client } = swarm;
    await swarm.restart();
    await waitFor(() => swarm.communications.resumer.openGoals === PARKED, {
      timeoutMs: 60_000,
      description: `${PARKED} goals open after the restart`,
    });
    const [decided, expiring] = parked;
    await (await client.goal(decided!)).create(CONTEXT_KEYS.decision('alice'), {
      outcome: 'granted',
      comment: 'ship it',
      at: new Date().toISOString(),
    });
    // The deadline passes: the test moves it to now rather than waiting an hour.
    await (await client.goal(expiring!)).update<ApprovalState>(CONTEXT_KEYS.approval, (state) =>
      state ? { ...state, expiresAt: new Date().toISOString() } : undefined,
    );

    expect(await completionOf(client, decided!)).toMatchObject({
      outcome: 'delivered',
      causationId: messageIds.approvalDecided(decided!),
    });
    const audit = (await client.goalEvents(decided!))
      .map(bodyOf)
      .filter((event) => event['type'] === 'approval.granted');
    expect(audit).toEqual([expect.objectContaining({ by: 'alice' })]);
    const report = await (await client.goal(decided!)).getArtifact(ARTIFACTS.reportMarkdown);
    expect(new TextDecoder().decode(report)).toContain('Approved by alice: "ship it".');

    expect(await completionOf(client, expiring!)).toMatchObject({ outcome: 'approval-expired' });
    await waitFor(() => swarm.communications.resumer.openGoals === PARKED - 2, {
      timeoutMs: 60_000,
      description: 'the two resumed goals closed in the resumer',
    });
    expect(await eventsOfType(client, 'goal.completed')).toHaveLength(OTHERS + 2);
    expect(await client.pending(QUEUES.report.stream, QUEUES.report.durable)).toMatchObject({
      pending: 0,
      ackPending: 0,
    });
  }, 300_000);
});
