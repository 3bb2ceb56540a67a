import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportTask } from '@swarm/contracts';
import { ARTIFACTS, messageIds, SCHEMA_VERSION, SUBJECTS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import { loadCommunicationsConfig } from '../config.js';
import { ranking, rankedEntry } from '../domain/testing/ranking.fixture.js';
import type { RunningCommunications } from '../run-communications.js';
import { runCommunications } from '../run-communications.js';

/** The query of every report task the fixture publishes. */
export const TEST_QUERY = 'TypeScript clients for NATS JetStream work queues';

/**
 * The communications agent as main.ts boots it (agent and approval resumer), on its own nats-server, with a file
 * sink in a temp dir; `env` adds to or overrides its settings. Stop it in `afterAll`.
 */
export async function startCommunicationsSwarm(env: Readonly<Record<string, string>> = {}) {
  const nats: NatsServerHandle = await startNats();
  const reports = mkdtempSync(path.join(tmpdir(), 'communications-'));
  const config = loadCommunicationsConfig({
    NATS_URL: nats.url,
    SWARM_INSTANCE_ID: 'communications-int-1',
    HEALTH_PORT: '0',
    HEALTH_HOST: '127.0.0.1',
    OTEL_SDK_DISABLED: 'true',
    OTEL_METRICS_EXPORTER: 'none',
    LOG_LEVEL: 'error',
    DELIVERY_SINKS: 'file',
    DELIVERY_FILE_DIR: reports,
    ...env,
  });
  const client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), swarmTopology(), {
    provision: true,
  });
  let running: RunningCommunications | undefined;
  try {
    running = await runCommunications(config, { handleSignals: false });
  } catch (error) {
    await client.close();
    await nats.stop();
    throw error;
  }
  let communications = running;
  return {
    nats,
    client,
    reports,
    /** The running replica (a new one after `restart`). */
    get communications(): RunningCommunications {
      return communications;
    },
    /** Stops the replica and boots a new one with the same settings on the same server. */
    restart: async () => {
      await communications.close();
      communications = await runCommunications(config, { handleSignals: false });
    },
    stop: async () => {
      await communications.close();
      await client.close();
      await nats.stop();
      rmSync(reports, { recursive: true, force: true });
    },
  };
}

/** A running fixture. */
export type CommunicationsSwarm = Awaited<ReturnType<typeof startCommunicationsSwarm>>;

/**
 * Stores a ranking for a new goal and publishes its report task as the ranker would (asking for approval or
 * not); returns the goal id.
 */
export async function publishReportTask(
  client: SwarmClient,
  options: { readonly requireApproval: boolean; readonly prefix?: string },
): Promise<string> {
  const goalId = uniqueName(options.prefix ?? 'g');
  const goal = await client.goal(goalId);
  const stored = await goal.putArtifact(
    ARTIFACTS.ranking,
    JSON.stringify(ranking([rankedEntry(1, '@nats-io/jetstream'), rankedEntry(2, 'nats')], { goalId })),
  );
  const taskId = messageIds.reportTask(goalId);
  const task: ReportTask = {
    type: 'task.report',
    schemaVersion: SCHEMA_VERSION,
    messageId: taskId,
    goalId,
    taskId,
    causationId: messageIds.rankTask(goalId),
    attempt: 1,
    timestamp: new Date().toISOString(),
    query: TEST_QUERY,
    rankingArtifact: stored.name,
    requireApproval: options.requireApproval,
  };
  await client.publish({ subject: SUBJECTS.task.report, message: task });
  return goalId;
}
