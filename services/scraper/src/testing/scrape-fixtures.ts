import type { AcceptedGoal, Candidate } from '@swarm/contracts';
import { CONTEXT_KEYS, GoalSpec, messageIds, ScrapeTask } from '@swarm/contracts';
import { exampleMessages } from '@swarm/contracts/testing';
import type { RunningAgent } from '@swarm/agent-kit';
import { runAgent } from '@swarm/agent-kit';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import { SCRAPER_PROFILE } from '../agent.profile.js';
import { loadScraperConfig } from '../config.js';
import { ScraperModule } from '../scraper.module.js';

/** The scrape task of candidate `index` of `count` of a goal: candidate `fastify-lite`, its page at `url`. */
export function scrapeTask(goalId: string, url: string, index = 0, count = 1): ScrapeTask {
  const example = exampleMessages['task.scrape'];
  const taskId = messageIds.scrapeTask(goalId, index);
  return ScrapeTask.parse({
    ...example,
    goalId,
    messageId: taskId,
    taskId,
    causationId: null,
    timestamp: new Date().toISOString(),
    candidate: { ...example.candidate, id: 'fastify-lite', name: 'fastify-lite', url },
    candidateIndex: index,
    candidateCount: count,
  });
}

/** A goal as the search agent leaves it: accepted, with the candidates it fans out to. */
export async function acceptedGoal(client: SwarmClient, goalId: string, candidates: readonly Candidate[]) {
  const goal = await client.goal(goalId);
  await goal.create<AcceptedGoal>(CONTEXT_KEYS.spec, {
    fingerprint: 'f'.repeat(16),
    goal: GoalSpec.parse({ text: 'fast web frameworks' }),
    acceptedAt: new Date().toISOString(),
  });
  await goal.create(CONTEXT_KEYS.candidates, candidates);
  return goal;
}

/**
 * The scraper agent as main.ts boots it, in this process, on the nats-server at `natsUrl` (the production
 * stream names, provisioned by a client first), allowed to fetch from `pagesHostPort`; `env` adds settings.
 */
export async function startScraperAgent(
  natsUrl: string,
  pagesHostPort: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ agent: RunningAgent; client: SwarmClient }> {
  const config = loadScraperConfig({
    NATS_URL: natsUrl,
    HEALTH_PORT: '0',
    HEALTH_HOST: '127.0.0.1',
    OTEL_SDK_DISABLED: 'true',
    OTEL_METRICS_EXPORTER: 'none',
    LOG_LEVEL: 'error',
    SCRAPER_ALLOW_HOSTS: pagesHostPort,
    ...env,
  });
  const client = await SwarmClient.connect(parseTransportSettings({ natsUrl }), swarmTopology(), {
    provision: true,
  });
  const agent = await runAgent({
    profile: SCRAPER_PROFILE,
    module: ScraperModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
    handleSignals: false,
  });
  return { agent, client };
}
