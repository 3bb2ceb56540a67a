import type { AcceptedGoal, Candidate, RankTask, ScrapeOutcome } from '@swarm/contracts';
import {
  ARTIFACTS,
  CONTEXT_KEYS,
  GoalSpec,
  messageIds,
  QUEUES,
  SCHEMA_VERSION,
  SUBJECTS,
} from '@swarm/contracts';
import type { RunningAgent } from '@swarm/agent-kit';
import { runAgent } from '@swarm/agent-kit';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import { RANKER_PROFILE } from './agent.profile.js';
import { loadRankerConfig } from './config.js';
import { candidate, QUERY, scraped } from './domain/testing/rank-input.fixture.js';
import { RankerModule } from './ranker.module.js';

// The ranker as main.ts boots it (builtin brain), on its own nats-server with the production names: a rank task
// is honoured only when the goal's context, written by search and the scraper, says it is due.
describe('the rank handler', () => {
  let nats: NatsServerHandle;
  let agent: RunningAgent;
  let client: SwarmClient;

  beforeAll(async () => {
    nats = await startNats();
    const config = loadRankerConfig({
      NATS_URL: nats.url,
      SWARM_INSTANCE_ID: 'ranker-int-1',
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      OTEL_SDK_DISABLED: 'true',
      OTEL_METRICS_EXPORTER: 'none',
      LOG_LEVEL: 'error',
    });
    client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), swarmTopology(), {
      provision: true,
    });
    agent = await runAgent({
      profile: RANKER_PROFILE,
      module: RankerModule.forRoot(config),
      transport: config.transport,
      agentEnv: config.agent,
      model: config.model,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    await nats?.stop();
  });

  const candidates: Candidate[] = [candidate('a'), candidate('b')];

  /** A goal as search and the scraper leave it: accepted, fanned out, and the join filled up to `landed`. */
  async function goalAtJoin(landed: number): Promise<string> {
    const goalId = uniqueName('g');
    const goal = await client.goal(goalId);
    await goal.create<AcceptedGoal>(CONTEXT_KEYS.spec, {
      fingerprint: 'f'.repeat(16),
      goal: GoalSpec.parse({ text: QUERY, topN: 2 }),
      acceptedAt: new Date().toISOString(),
    });
    await goal.create(CONTEXT_KEYS.candidates, candidates);
    for (const [index, c] of candidates.slice(0, landed).entries())
      await goal.create<ScrapeOutcome>(CONTEXT_KEYS.scrape(index), scraped(c));
    return goalId;
  }

  const rankTask = (goalId: string): RankTask => ({
    type: 'task.rank',
    schemaVersion: SCHEMA_VERSION,
    messageId: messageIds.rankTask(goalId),
    goalId,
    taskId: messageIds.rankTask(goalId),
    causationId: null,
    attempt: 1,
    timestamp: new Date().toISOString(),
    query: QUERY,
    topN: 2,
    contributions: candidates.map((c, index) => ({
      taskId: messageIds.scrapeTask(goalId, index),
      candidateId: c.id,
      ok: true,
    })),
  });

  const typesOf = async (goalId: string) =>
    (await client.goalEvents(goalId)).map((event) => (event.body as { type: string }).type);

  it('dead-letters a rank task published before the join is complete, leaving the goal untouched', async () => {
    const goalId = await goalAtJoin(1);
    await client.publish({ subject: SUBJECTS.task.rank, message: rankTask(goalId) });

    const letter = await waitFor(
      async () => (await client.deadLetters(QUEUES.rank.name)).find((record) => record.goalId === goalId),
      { timeoutMs: 20_000, description: `the dead letter of ${goalId}` },
    );
    expect(letter.reason).toEqual({
      code: 'task-not-due',
      message: `goal ${goalId} still waits for 1 of 2 scrapes (scrape.1 is absent)`,
      retryable: false,
    });
    await waitFor(async () => (await typesOf(goalId)).includes('task.failed'), {
      description: 'task.failed',
    });
    expect(await typesOf(goalId)).not.toContain('goal.failed');
    expect(await (await client.goal(goalId)).getArtifact(ARTIFACTS.ranking)).toBeUndefined();
    expect(await (await client.goal(goalId)).keys()).toEqual(['candidates', 'scrape.0', 'spec']);
  });

  it('ranks a goal whose join is complete and hands off its report task', async () => {
    const goalId = await goalAtJoin(2);
    await client.publish({ subject: SUBJECTS.task.rank, message: rankTask(goalId) });

    await waitFor(async () => (await typesOf(goalId)).includes('task.completed'), {
      timeoutMs: 20_000,
      description: `task.completed of ${goalId}`,
    });
    expect(await (await client.goal(goalId)).getArtifact(ARTIFACTS.ranking)).toBeDefined();
  });
});
