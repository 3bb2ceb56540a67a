import type { ApprovalState } from '@swarm/contracts';
import { ARTIFACTS, CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { connectClient } from '../cli-bus.js';
import { exitOf } from '../cli-exit.js';
import { runDecide, runReview } from './approval.command.js';

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

/** A goal waiting for approval, its request written as communications writes it. */
async function waitingGoal(): Promise<string> {
  const goalId = uniqueName('approval');
  const now = Date.now();
  const request: ApprovalState = {
    requestedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 10 * 60_000).toISOString(),
    reportArtifact: `${goalId}/${ARTIFACTS.reportPreview}`,
  };
  await (await client.goal(goalId)).create(CONTEXT_KEYS.approval, request);
  return goalId;
}

describe('swarm approve | reject', () => {
  it('prints what is under review and who approved, then refuses a second decision with exit 2', async () => {
    const goalId = await waitingGoal();
    const lines: string[] = [];
    await runDecide(client, goalId, { outcome: 'granted', by: 'alice' }, (line) => lines.push(line));
    expect(lines.at(-1)).toBe(`approved ${goalId} as alice: the swarm delivers the report`);
    const refused: unknown = await runDecide(
      client,
      goalId,
      { outcome: 'rejected', by: 'bob', comment: 'no' },
      () => undefined,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(exitOf(refused)).toEqual({
      exitCode: 2,
      line: `swarm: goal ${goalId} was already approved by alice`,
    });
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
