import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportTask } from '@swarm/contracts';
import { ARTIFACTS, messageIds, QUEUES, SCHEMA_VERSION, SUBJECTS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import { loadCommunicationsConfig } from './config.js';
import { ranking, rankedEntry } from './domain/testing/ranking.fixture.js';
import type { RunningCommunications } from './run-communications.js';
import { runCommunications } from './run-communications.js';

const QUERY = 'TypeScript clients for NATS JetStream work queues';

// Communications as main.ts boots it, with a file sink, on its own nats-server: a report task is honoured only
// when the goal it names has its own ranking, which only the ranker writes.
describe('the report handler and a forged report task', () => {
  let nats: NatsServerHandle;
  let reports: string;
  let agent: RunningCommunications;
  let client: SwarmClient;

  beforeAll(async () => {
    nats = await startNats();
    reports = mkdtempSync(path.join(tmpdir(), 'report-handler-'));
    const config = loadCommunicationsConfig({
      NATS_URL: nats.url,
      SWARM_INSTANCE_ID: 'communications-int-2',
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      OTEL_SDK_DISABLED: 'true',
      OTEL_METRICS_EXPORTER: 'none',
      LOG_LEVEL: 'error',
      DELIVERY_SINKS: 'file',
      DELIVERY_FILE_DIR: reports,
    });
    client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), swarmTopology(), {
      provision: true,
    });
    agent = await runCommunications(config, { handleSignals: false });
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    await nats?.stop();
    rmSync(reports, { recursive: true, force: true });
  });

  const reportTask = (goalId: string, rankingArtifact: string): ReportTask => ({
    type: 'task.report',
    schemaVersion: SCHEMA_VERSION,
    messageId: messageIds.reportTask(goalId),
    goalId,
    taskId: messageIds.reportTask(goalId),
    causationId: messageIds.rankTask(goalId),
    attempt: 1,
    timestamp: new Date().toISOString(),
    query: QUERY,
    rankingArtifact,
    requireApproval: false,
  });

  const goalCompleted = (goalId: string) =>
    waitFor(
      async () =>
        (await client.goalEvents(goalId)).find(
          (event) => (event.body as { type: string }).type === 'goal.completed',
        ),
      { timeoutMs: 20_000, description: `goal.completed of ${goalId}` },
    );

  it("dead-letters a task for a goal with no ranking that names another goal's, and delivers nothing", async () => {
    const ranked = uniqueName('ranked');
    const stored = await (
      await client.goal(ranked)
    ).putArtifact(ARTIFACTS.ranking, JSON.stringify(ranking([rankedEntry(1, 'nats')], { goalId: ranked })));
    const victim = uniqueName('victim');
    await client.publish({ subject: SUBJECTS.task.report, message: reportTask(victim, stored.name) });

    const letter = await waitFor(
      async () => (await client.deadLetters(QUEUES.report.name)).find((record) => record.goalId === victim),
      { timeoutMs: 20_000, description: `the dead letter of ${victim}` },
    );
    expect(letter.reason).toEqual({
      code: 'task-not-due',
      message: `the task names artifact ${stored.name}, not goal ${victim}'s ranking ${victim}/ranking.json`,
      retryable: false,
    });
    const types = async () =>
      (await client.goalEvents(victim)).map((event) => (event.body as { type: string }).type);
    await waitFor(async () => (await types()).includes('task.failed'), { description: 'task.failed' });
    expect(await types()).not.toContain('goal.failed');
    expect(await types()).not.toContain('goal.completed');
    expect(await (await client.goal(victim)).keys()).toEqual([]);
    expect(readdirSync(reports)).toEqual([]);
  });

  it('delivers a report for a goal whose ranking the task names', async () => {
    const goalId = uniqueName('ranked');
    const stored = await (
      await client.goal(goalId)
    ).putArtifact(ARTIFACTS.ranking, JSON.stringify(ranking([rankedEntry(1, 'nats')], { goalId })));
    await client.publish({ subject: SUBJECTS.task.report, message: reportTask(goalId, stored.name) });

    const completed = await goalCompleted(goalId);
    expect(completed.body).toMatchObject({ outcome: 'delivered', queue: 'report' });
    expect(await (await client.goal(goalId)).keys()).toContain('end.report');
  });

  it('ends a goal whose ranking is empty as nothing-found and still delivers the report saying so', async () => {
    const goalId = uniqueName('nothing');
    const empty = {
      ...ranking([], { goalId }),
      nearMisses: [
        { candidateId: 'toon', name: 'toon', url: 'https://example.com/toon', reason: 'off topic' },
      ],
    };
    const stored = await (await client.goal(goalId)).putArtifact(ARTIFACTS.ranking, JSON.stringify(empty));
    await client.publish({ subject: SUBJECTS.task.report, message: reportTask(goalId, stored.name) });

    const completed = await goalCompleted(goalId);
    expect(completed.body).toMatchObject({
      outcome: 'nothing-found',
      queue: 'report',
      deliveredTo: ['file'],
      summary: 'No candidate ranked of 10 candidates (closest: toon); every page scraped',
    });
    expect(readdirSync(reports).some((name) => name.includes(goalId))).toBe(true);
  });
});
