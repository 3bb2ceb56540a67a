import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ranking } from '@swarm/contracts';
import { ARTIFACTS, Ranking as RankingSchema } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import type { AgentScale, DevStack } from '@swarm/local-stack';
import { startDevStack } from '@swarm/local-stack';
import type { GoalEvent } from '@swarm/goal-views';
import { followGoal } from '@swarm/goal-views';
import { connectClient } from '../src/index.js';

/** Agent settings that make failure scenarios finish in seconds. */
export const FAST_AGENT_ENV = {
  SWARM_ACK_WAIT_MS: '3000',
  SWARM_HEARTBEAT_MS: '500',
  SWARM_BACKOFF_MS: '200,400',
  SWARM_MAX_DELIVER: '3',
  SWARM_PULL_EXPIRES_MS: '1000',
  SWARM_DRAIN_TIMEOUT_MS: '3000',
  SCRAPER_FETCH_TIMEOUT_MS: '2000',
  APPROVAL_SWEEP_MS: '100',
} as const;

/** A swarm of separate agent processes on the test's NATS, with a client to drive it. */
export interface E2eSwarm {
  readonly stack: DevStack;
  readonly client: SwarmClient;
  stop(): Promise<void>;
}

export async function startSwarm(
  natsUrl: string,
  scale: Partial<AgentScale>,
  agentEnv: Record<string, string>,
): Promise<E2eSwarm> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'swarm-e2e-'));
  const stack = await startDevStack({
    env: { ...process.env, NATS_URL: natsUrl },
    scale: { search: 1, scraper: 1, ranker: 1, communications: 1, ...scale },
    stateDir,
    agentEnv: { ...FAST_AGENT_ENV, ...agentEnv },
  });
  const client = await connectClient({ NATS_URL: natsUrl });
  return {
    stack,
    client,
    stop: async () => {
      await client.close();
      await stack.stop();
    },
  };
}

/** Waits for a goal to end; returns its final event and every event. */
export function finish(
  client: SwarmClient,
  goalId: string,
  timeoutMs = 60_000,
): Promise<{ final: GoalEvent; events: GoalEvent[] }> {
  return followGoal(client, goalId, { timeoutMs });
}

/** Reads the goal's ranking artifact. */
export async function rankingOf(client: SwarmClient, goalId: string): Promise<Ranking> {
  const bytes = await (await client.goal(goalId)).getArtifact(ARTIFACTS.ranking);
  if (!bytes) throw new Error(`goal ${goalId} has no ranking`);
  return RankingSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}

/** Reads the goal's Markdown report. */
export async function reportOf(client: SwarmClient, goalId: string): Promise<string> {
  const bytes = await (await client.goal(goalId)).getArtifact(ARTIFACTS.reportMarkdown);
  if (!bytes) throw new Error(`goal ${goalId} has no report`);
  return new TextDecoder().decode(bytes);
}

/**
 * A goal's objects in one of the topology's artifact buckets (`artifacts` or `reports`), sorted: the names are
 * read off the bucket's meta subjects, `$O.<bucket>.M.<base64url(name)>`.
 */
export async function goalObjectsIn(
  client: SwarmClient,
  bucket: 'artifacts' | 'reports',
  goalId: string,
): Promise<string[]> {
  const name = client.topology.artifactBuckets[bucket];
  const meta = `$O.${name}.M.`;
  const info = await client.bus.jsm.streams.info(`OBJ_${name}`, { subjects_filter: `${meta}>` });
  return Object.keys(info.state.subjects ?? {})
    .map((subject) => Buffer.from(subject.slice(meta.length), 'base64url').toString('utf8'))
    .filter((object) => object.startsWith(`${goalId}/`))
    .sort();
}

/** The agent instances that claimed tasks of a queue, from the goal's events. */
export function claimants(events: readonly GoalEvent[], queue: string): string[] {
  return events
    .filter((e) => e.type === 'task.claimed' && e.body['queue'] === queue)
    .map((e) => (e.body['agent'] as { instance: string }).instance);
}
