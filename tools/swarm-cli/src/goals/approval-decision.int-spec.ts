import type { ApprovalDecision, ApprovalState } from '@swarm/contracts';
import { ARTIFACTS, CONTEXT_KEYS, readApproval } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { connectClient } from '../cli-bus.js';
import { runReview } from '../commands/approval.command.js';
import { CliError } from '../errors.js';
import { decideApproval } from './approval-decision.js';

let nats: NatsServerHandle;
let client: SwarmClient;

beforeAll(async () => {
  nats = await startNats();
  client = await connectClient({ NATS_URL: nats.url });
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

/** What a refused decision says; fails the test when the decision was not refused with exit 2. */
async function refusal(decision: Promise<unknown>): Promise<string> {
  const error: unknown = await decision.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(2);
  return (error as CliError).message;
}

const resolutionOf = async (goalId: string) => (await readApproval(await client.goal(goalId))).resolution;

describe('swarm approve | reject', () => {
  it('records the first decision under the approver identity and refuses a second one, naming who decided', async () => {
    const goalId = await waitingGoal();
    const recorded = await decideApproval(client, goalId, { ...granted, by: 'alice', comment: 'ship it' });
    expect(recorded).toMatchObject({ goalId, identity: 'alice', outcome: 'granted' });

    expect(await refusal(decideApproval(client, goalId, { ...rejected, by: 'bob' }))).toBe(
      `goal ${goalId} was already approved by alice: "ship it"`,
    );
    expect(await refusal(decideApproval(client, goalId, { ...rejected, by: 'alice' }))).toBe(
      `goal ${goalId} was already approved by you (alice): "ship it"`,
    );
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'decided', outcome: 'granted', by: 'alice' });
  });

  it('lets exactly one of two approvers deciding at once win, and tells the other who did', async () => {
    const goalId = await waitingGoal();
    const outcomes = await Promise.allSettled([
      decideApproval(client, goalId, { ...granted, by: 'alice' }),
      decideApproval(client, goalId, { ...rejected, by: 'bob' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = await resolutionOf(goalId);
    expect(winner).toMatchObject({ status: 'decided', by: won[0]!.value.identity });
    expect(lost[0]!.reason).toBeInstanceOf(CliError);
    expect((lost[0]!.reason as CliError).message).toMatch(
      new RegExp(`^goal ${goalId} was already (approved|rejected) by ${won[0]!.value.identity}`),
    );
  });

  it('says a decision does not count when another one was stored between its check and its write', async () => {
    const goalId = await waitingGoal();
    const bob: ApprovalDecision = { ...rejected, at: new Date().toISOString() };
    const message = await refusal(
      decideApproval(
        client,
        goalId,
        { ...granted, by: 'alice' },
        {
          review: async () =>
            void (await (await client.goal(goalId)).create(CONTEXT_KEYS.decision('bob'), bob)),
        },
      ),
    );
    expect(message).toBe(`goal ${goalId} was already rejected by bob; the decision of alice does not count`);
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'decided', by: 'bob' });
  });

  it('refuses a goal that is not waiting for approval', async () => {
    const goalId = uniqueName('no-approval');
    expect(await refusal(decideApproval(client, goalId, { ...granted, by: 'alice' }))).toBe(
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
    expect(await refusal(decideApproval(client, goalId, { ...granted, by: 'alice' }))).toMatch(
      new RegExp(`^the approval of goal ${goalId} expired at .*; no decision counts any more$`),
    );
    await goal.create(CONTEXT_KEYS.decision('mallory'), { outcome: 'granted', at: new Date().toISOString() });
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'expired' });
  });

  it('refuses a decision once the deadline has passed, before the swarm marked it', async () => {
    const goalId = await waitingGoal(1_000);
    const later = new Date(Date.now() + 60_000);
    expect(
      await refusal(decideApproval(client, goalId, { ...granted, by: 'alice' }, { now: later })),
    ).toMatch(/expired at .*; no decision counts any more$/);
    expect(await resolutionOf(goalId)).toMatchObject({ status: 'pending' });
  });

  it('refuses a rejection without a comment before writing anything', async () => {
    const goalId = await waitingGoal();
    expect(await refusal(decideApproval(client, goalId, { outcome: 'rejected', by: 'alice' }))).toMatch(
      /^decision refused: comment: /,
    );
    expect(await (await client.goal(goalId)).list(CONTEXT_KEYS.decisionPrefix)).toEqual([]);
  });
});

describe('swarm review', () => {
  it('prints the deadline, the report under review and its text', async () => {
    const goalId = await waitingGoal();
    await (await client.goal(goalId)).putArtifact(ARTIFACTS.reportPreview, '# Swarm report: agents\n\nbody');
    const lines: string[] = [];
    await runReview(client, goalId, (line) => lines.push(line));
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^goal ${goalId} waits for approval until `)),
      `report under review: ${goalId}/${ARTIFACTS.reportPreview}`,
      '',
      '# Swarm report: agents',
      '',
      'body',
    ]);
  });
});
