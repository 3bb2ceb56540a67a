import type { ApprovalDecision, ApprovalState } from '@swarm/contracts';
import { ARTIFACTS, CONTEXT_KEYS, readApproval } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import { SwarmClient, swarmTopology, transportSettingsFromEnv } from '@swarm/transport';
import { decideApproval } from './approval-decision.js';
import { GoalViewsError } from './errors.js';

let nats: NatsServerHandle;
let client: SwarmClient;

beforeAll(async () => {
  nats = await startNats();
  client = await SwarmClient.connect(transportSettingsFromEnv({ NATS_URL: nats.url }), swarmTopology(), {
    provision: true,
    name: 'goal-views-test',
  });
});

afterAll(async () => {
  await client?.close();
  await nats?.stop();
});

const granted = { outcome: 'granted' } as const;
const rejected = { outcome: 'rejected', comment: 'misses licensing' } as const;

/** A goal waiting for approval, its request written as communications writes it. */
async function waitingGoal(expiresInMs = 10 * 60_000): Promise<string> {
  const goalId = uniqueName('approval');
  const now = Date.now();
  const request: ApprovalState = {
    requestedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + expiresInMs).toISOString(),
    reportArtifact: `${goalId}/${ARTIFACTS.reportPreview}`,
  };
  await (await client.goal(goalId)).create(CONTEXT_KEYS.approval, request);
  return goalId;
}

/** What a refused decision says; fails the test when the decision was not refused with `code`. */
async function refusal(decision: Promise<unknown>, code = 'approval-not-pending'): Promise<string> {
  const error: unknown = await decision.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GoalViewsError);
  expect((error as GoalViewsError).code).toBe(code);
  return (error as GoalViewsError).message;
}

const resolutionOf = async (goalId: string) => (await readApproval(await client.goal(goalId))).resolution;

describe('decideApproval', () => {
  it('records the first decision under the approver identity and refuses a second one, naming who decided', async () => {
    const goalId = await waitingGoal();
    const recorded = await decideApproval(client, goalId, { ...granted, comment: 'ship it' }, 'alice');
    expect(recorded).toMatchObject({ goalId, identity: 'alice', outcome: 'granted' });

    expect(await refusal(decideApproval(client, goalId, rejected, 'bob'))).toBe(
      `goal ${goalId} was already approved by alice: "ship it"`,
    );
    expect(await refusal(decideApproval(client, goalId, rejected, 'alice'))).toBe(
      `goal ${goalId} was already approved by you (alice): "ship it"`,
    );
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'decided', outcome: 'granted', by: 'alice' });
  });

  it('lets exactly one of two approvers deciding at once win, and tells the other who did', async () => {
    const goalId = await waitingGoal();
    const outcomes = await Promise.allSettled([
      decideApproval(client, goalId, granted, 'alice'),
      decideApproval(client, goalId, rejected, 'bob'),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = await resolutionOf(goalId);
    expect(winner).toMatchObject({ status: 'decided', by: won[0]!.value.identity });
    expect(lost[0]!.reason).toBeInstanceOf(GoalViewsError);
    expect((lost[0]!.reason as GoalViewsError).message).toMatch(
      new RegExp(`^goal ${goalId} was already (approved|rejected) by ${won[0]!.value.identity}`),
    );
  });

  it('says a decision does not count when another one was stored between its check and its write', async () => {
    const goalId = await waitingGoal();
    const bob: ApprovalDecision = { ...rejected, at: new Date().toISOString() };
    const message = await refusal(
      decideApproval(client, goalId, granted, 'alice', {
        review: async () =>
          void (await (await client.goal(goalId)).create(CONTEXT_KEYS.decision('bob'), bob)),
      }),
    );
    expect(message).toBe(`goal ${goalId} was already rejected by bob; the decision of alice does not count`);
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'decided', by: 'bob' });
  });

  it('refuses a goal that is not waiting for approval', async () => {
    const goalId = uniqueName('no-approval');
    expect(await refusal(decideApproval(client, goalId, granted, 'alice'))).toBe(
      `goal ${goalId} is not waiting for approval`,
    );
  });

  it('refuses an expired approval, and a decision stored after the expiry mark does not count', async () => {
    const goalId = await waitingGoal();
    const goal = await client.goal(goalId);
    const request = await goal.get<ApprovalState>(CONTEXT_KEYS.approval);
    await goal.update<ApprovalState>(CONTEXT_KEYS.approval, (state) =>
      state
        ? { ...state, expired: { at: new Date().toISOString(), requestRevision: request!.revision } }
        : undefined,
    );
    expect(await refusal(decideApproval(client, goalId, granted, 'alice'))).toMatch(
      new RegExp(`^the approval of goal ${goalId} expired at .*; no decision counts any more$`),
    );
    await goal.create(CONTEXT_KEYS.decision('mallory'), { outcome: 'granted', at: new Date().toISOString() });
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'expired' });
  });

  it('refuses a decision once the deadline has passed, before the swarm marked it', async () => {
    const goalId = await waitingGoal(1_000);
    const later = new Date(Date.now() + 60_000);
    expect(await refusal(decideApproval(client, goalId, granted, 'alice', { now: later }))).toMatch(
      /expired at .*; no decision counts any more$/,
    );
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'pending' });
  });

  it('refuses a rejection without a comment before writing anything', async () => {
    const goalId = await waitingGoal();
    expect(
      await refusal(decideApproval(client, goalId, { outcome: 'rejected' }, 'alice'), 'invalid-decision'),
    ).toMatch(/^decision refused: comment: /);
    expect(await (await client.goal(goalId)).list(CONTEXT_KEYS.decisionPrefix)).toEqual([]);
  });

  it('records a subject a gateway vouches for under the gateway user, and the audit trail names both', async () => {
    const goalId = await waitingGoal();
    const identity = { vouchedBy: 'gateway', subject: 'alice@example.com' };
    const recorded = await decideApproval(client, goalId, granted, identity);
    expect(recorded).toMatchObject({ identity: 'alice@example.com via gateway', outcome: 'granted' });
    const keys = await (await client.goal(goalId)).list(CONTEXT_KEYS.decisionPrefix);
    expect(keys.map((entry) => entry.key)).toEqual([
      `decision.gateway.${Buffer.from('alice@example.com').toString('base64url')}`,
    ]);
    expect(await resolutionOf(goalId)).toMatchObject({
      status: 'decided',
      by: 'alice@example.com via gateway',
    });
  });

  it('refuses a vouched subject with control characters before writing anything', async () => {
    const goalId = await waitingGoal();
    const identity = { vouchedBy: 'gateway', subject: 'alice\nbob' };
    await refusal(decideApproval(client, goalId, granted, identity), 'invalid-decision');
    expect(await (await client.goal(goalId)).list(CONTEXT_KEYS.decisionPrefix)).toEqual([]);
  });
});
