import type { ApprovalState } from '@swarm/contracts';
import { ARTIFACTS, CONTEXT_KEYS, messageIds, readApproval } from '@swarm/contracts';
import { waitFor } from '@swarm/testing';
import type { StoredMessage, SwarmClient } from '@swarm/transport';
import type { CommunicationsSwarm } from '../testing/communications-swarm.js';
import { publishReportTask, startCommunicationsSwarm } from '../testing/communications-swarm.js';

/** The communications agent as main.ts boots it, on its own nats-server, with a file sink and this deadline. */
const startCommunications = (approvalTimeoutMs: number) =>
  startCommunicationsSwarm({ APPROVAL_TIMEOUT_MS: String(approvalTimeoutMs), APPROVAL_SWEEP_MS: '50' });

type Swarm = CommunicationsSwarm;

/** Stores a ranking and publishes the goal's report task asking for approval, as the ranker would. */
async function reportAwaitingApproval(client: SwarmClient): Promise<string> {
  const goalId = await publishReportTask(client, { requireApproval: true });
  await waitFor(async () => (await events(client, goalId)).some((e) => e.type === 'approval.requested'), {
    timeoutMs: 20_000,
    description: `approval.requested of ${goalId}`,
  });
  return goalId;
}

type Event = StoredMessage & { readonly type: string; readonly fields: Record<string, unknown> };
async function events(client: SwarmClient, goalId: string): Promise<Event[]> {
  return (await client.goalEvents(goalId)).map((message) => {
    const fields = message.body as Record<string, unknown>;
    return { ...message, type: String(fields['type']), fields };
  });
}

/** Every event of the goal once it has ended. */
function ended(client: SwarmClient, goalId: string): Promise<Event[]> {
  return waitFor(
    async () => {
      const all = await events(client, goalId);
      return all.some((e) => e.type === 'goal.completed' || e.type === 'goal.failed') ? all : undefined;
    },
    { timeoutMs: 20_000, description: `the end of ${goalId}` },
  );
}

const decisionEvents = (all: Event[]) =>
  all.filter((e) => e.type === 'approval.granted' || e.type === 'approval.rejected');
const decide = async (
  client: SwarmClient,
  goalId: string,
  identity: string,
  value: Record<string, unknown>,
) =>
  (await client.goal(goalId)).create(CONTEXT_KEYS.decision(identity), {
    at: new Date().toISOString(),
    ...value,
  });

describe('the approval gate before the deadline', () => {
  let swarm: Swarm;
  beforeAll(async () => {
    swarm = await startCommunications(10 * 60_000);
  });
  afterAll(async () => {
    await swarm?.stop();
  });

  it('lets the first of two concurrent decisions win, and the audit event and the outcome name it', async () => {
    const goalId = await reportAwaitingApproval(swarm.client);
    const [alice, bob] = await Promise.all([
      decide(swarm.client, goalId, 'alice', { outcome: 'granted', comment: 'ship it' }),
      decide(swarm.client, goalId, 'bob', { outcome: 'rejected', comment: 'misses licensing' }),
    ]);
    const winner = alice.revision < bob.revision ? 'alice' : 'bob';
    const all = await ended(swarm.client, goalId);

    const audit = decisionEvents(all);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.fields).toMatchObject({
      type: winner === 'alice' ? 'approval.granted' : 'approval.rejected',
      by: winner,
      messageId: messageIds.approvalDecided(goalId),
      causationId: messageIds.approvalRequested(goalId),
    });
    const completed = all.find((e) => e.type === 'goal.completed')!;
    expect(completed.fields['outcome']).toBe(winner === 'alice' ? 'delivered' : 'rejected');
    expect(completed.fields['causationId']).toBe(messageIds.approvalDecided(goalId));
    expect(completed.streamSequence).toBeGreaterThan(audit[0]!.streamSequence);
    expect((await readApproval(await swarm.client.goal(goalId))).resolution).toMatchObject({
      status: 'decided',
      by: winner,
    });
  });

  it('names the identity of the decision key in the audit trail, whatever name the value claims', async () => {
    const goalId = await reportAwaitingApproval(swarm.client);
    await decide(swarm.client, goalId, 'alice', { outcome: 'granted', by: 'mallory', comment: 'fine' });
    const all = await ended(swarm.client, goalId);
    expect(decisionEvents(all).map((e) => [e.type, e.fields['by']])).toEqual([['approval.granted', 'alice']]);
    expect(all.find((e) => e.type === 'goal.completed')?.fields['outcome']).toBe('delivered');
    const report = await (await swarm.client.goal(goalId)).getArtifact(ARTIFACTS.reportMarkdown);
    expect(new TextDecoder().decode(report)).toContain('Approved by alice: "fine".');
  });

  it('does not count a decision whose value is no decision, and waits for one that is', async () => {
    const goalId = await reportAwaitingApproval(swarm.client);
    await decide(swarm.client, goalId, 'bob', { outcome: 'rejected' });
    await decide(swarm.client, goalId, 'carol', { outcome: 'granted' });
    const all = await ended(swarm.client, goalId);
    expect(decisionEvents(all).map((e) => e.fields['by'])).toEqual(['carol']);
  });
});

describe('the approval gate past the deadline', () => {
  let swarm: Swarm;
  beforeAll(async () => {
    swarm = await startCommunications(1_000);
  });
  afterAll(async () => {
    await swarm?.stop();
  });

  it('marks the request expired, publishes no decision, and a decision stored after the mark does not count', async () => {
    const goalId = await reportAwaitingApproval(swarm.client);
    const goal = await swarm.client.goal(goalId);
    await waitFor(async () => (await goal.get<ApprovalState>(CONTEXT_KEYS.approval))?.value.expired, {
      timeoutMs: 20_000,
      description: `the expiry mark of ${goalId}`,
    });
    await decide(swarm.client, goalId, 'alice', { outcome: 'granted' });

    const all = await ended(swarm.client, goalId);
    expect(decisionEvents(all)).toEqual([]);
    expect(all.find((e) => e.type === 'goal.completed')?.fields['outcome']).toBe('approval-expired');
    expect((await readApproval(goal)).resolution).toMatchObject({ status: 'expired' });
  });
});
