import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocsServerFaults } from '@swarm/corpus';
import type { AgentKind, AgentProcess, AgentScale, DevStack } from '@swarm/local-stack';
import { spawnAgent, startDevStack } from '@swarm/local-stack';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import type { WebhookDelivery, WebhookReceiver } from '../receivers/webhook-receiver.js';
import { startWebhookReceiver } from '../receivers/webhook-receiver.js';
import { reapOnExit } from './agent-reaper.js';
import { CHAOS_AGENT_ENV, DEFAULT_FAN_OUT } from './chaos-agent-env.js';
import { GoalLedger } from './goal-ledger.js';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';

/** How to set up a chaos stage. */
export interface ChaosSwarmOptions {
  /** The environment the agents inherit (the CLI passes its own). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** NATS server URL(s), comma-separated for a cluster. */
  readonly natsUrl: string;
  /** Replicas per agent kind; 1 each where not given. */
  readonly scale?: Partial<AgentScale>;
  /** Extra agent environment, over {@link CHAOS_AGENT_ENV} and the webhook sink settings. */
  readonly agentEnv?: Readonly<Record<string, string>>;
  /** Transport settings the agents and the client must agree on (stream replicas, duplicate window). */
  readonly transport?: { readonly replicas?: number; readonly duplicateWindowMs?: number };
  readonly docsFaults?: DocsServerFaults;
  /** Candidates scraped per goal (the size of each goal's join); default {@link DEFAULT_FAN_OUT}. */
  readonly fanOut?: number;
  /** Runs when the webhook receiver got a delivery, before it answers (to inject a fault right there). */
  readonly beforeWebhookAnswer?: (delivery: WebhookDelivery) => Promise<void>;
}

/** A running stage: the swarm's agents as processes, a client, the webhook receiver and the goal ledger. */
export interface ChaosSwarm {
  readonly stack: DevStack;
  readonly client: SwarmClient;
  readonly webhook: WebhookReceiver;
  readonly ledger: GoalLedger;
  /** Agents started and not (yet) exited. */
  liveAgents(): AgentProcess[];
  /** Every agent process started for this stage, including ones killed since. */
  allAgents(): AgentProcess[];
  /** Starts one more replica of `kind` with its environment changed by `env` (e.g. NATS_URL through a proxy). */
  spawnAgentWith(
    kind: AgentKind,
    instance: string,
    env: Readonly<Record<string, string>>,
  ): Promise<AgentProcess>;
  /** Starts one more replica of `kind` like the others. */
  addAgent(kind: AgentKind): Promise<AgentProcess>;
  /** Stops everything this stage started (agents drain; stragglers are killed after 10 s). Never throws. */
  stop(): Promise<void>;
}

const isAlive = (agent: AgentProcess) => agent.child.exitCode === null && agent.child.signalCode === null;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERMs an agent and SIGKILLs it if it has not exited within `graceMs`. */
export async function stopAgent(agent: AgentProcess, graceMs = 10_000): Promise<void> {
  if (!isAlive(agent)) return;
  if ((await withTimeout(agent.stop('SIGTERM'), graceMs)) === 'timeout') await agent.stop('SIGKILL');
}

/**
 * Starts a chaos stage on a NATS server someone else owns: provisions the topology from a client (so goals
 * published before the agents are up are kept), starts the webhook receiver and the agents (delivering only to
 * the webhook), and follows the goals' final events.
 */
export async function startChaosSwarm(options: ChaosSwarmOptions): Promise<ChaosSwarm> {
  const secret = randomBytes(24).toString('hex');
  const webhook = await startWebhookReceiver(secret, { beforeAnswer: options.beforeWebhookAnswer });
  const stateDir = mkdtempSync(path.join(tmpdir(), 'swarm-chaos-'));
  const transportEnv: Record<string, string> = {};
  if (options.transport?.replicas !== undefined)
    transportEnv['SWARM_STREAM_REPLICAS'] = String(options.transport.replicas);
  if (options.transport?.duplicateWindowMs !== undefined)
    transportEnv['SWARM_DUPLICATE_WINDOW_MS'] = String(options.transport.duplicateWindowMs);
  const agentEnv: Record<string, string> = {
    ...CHAOS_AGENT_ENV,
    SEARCH_CANDIDATE_FACTOR: String(options.fanOut ?? DEFAULT_FAN_OUT),
    DELIVERY_SINKS: 'webhook',
    WEBHOOK_URL: webhook.url,
    // The receiver is on loopback, which the webhook sink refuses unless allowed.
    WEBHOOK_ALLOW_HOSTS: new URL(webhook.url).host,
    WEBHOOK_SECRET: secret,
    ...transportEnv,
    ...options.agentEnv,
  };
  const extras: AgentProcess[] = [];
  let client: SwarmClient | undefined;
  let stack: DevStack | undefined;
  let ledger: GoalLedger | undefined;

  const stop = async () => {
    await ledger?.stop().catch(() => undefined);
    const agents = [...(stack?.agents ?? []), ...extras];
    await Promise.all(agents.map((agent) => stopAgent(agent)));
    await stack?.stop().catch(() => undefined);
    if (client)
      await withTimeout(
        client.close().catch(() => undefined),
        5_000,
      );
    await webhook.close();
    rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    client = await SwarmClient.connect(
      parseTransportSettings({ natsUrl: options.natsUrl, instanceId: 'chaos-runner', ...options.transport }),
      swarmTopology(),
      { provision: true, name: 'chaos-runner' },
    );
    stack = await startDevStack({
      env: { ...options.env, NATS_URL: options.natsUrl },
      scale: { search: 1, scraper: 1, ranker: 1, communications: 1, ...options.scale },
      stateDir,
      agentEnv,
      docsFaults: options.docsFaults,
    });
    for (const agent of stack.agents) reapOnExit(agent.child);
    ledger = new GoalLedger(client);
    ledger.start();
  } catch (error) {
    await stop();
    throw error;
  }

  const started = stack;
  const baseEnv = {
    ...options.env,
    NATS_URL: options.natsUrl,
    HEALTH_PORT: '0',
    HEALTH_HOST: '127.0.0.1',
    SEARCH_DOCS_BASE_URL: started.docs.url,
    SCRAPER_ALLOW_HOSTS: `127.0.0.1:${started.docs.port}`,
    ...agentEnv,
  };
  return {
    stack: started,
    client,
    webhook,
    ledger,
    liveAgents: () => [...started.agents, ...extras].filter(isAlive),
    allAgents: () => [...started.agents, ...extras],
    spawnAgentWith: async (kind, instance, env) => {
      const agent = await spawnAgent({ kind, instance, env: { ...baseEnv, ...env } });
      reapOnExit(agent.child);
      extras.push(agent);
      return agent;
    },
    addAgent: async (kind) => {
      const agent = await started.addAgent(kind);
      reapOnExit(agent.child);
      return agent;
    },
    stop,
  };
}

/**
 * Runs `run` against a chaos swarm on its own spawned nats-server (file store, random port), and stops both
 * afterwards, whatever happens. The server handle is passed on for scenarios that kill or restart it.
 */
export async function withPrivateSwarm<T>(
  options: Omit<ChaosSwarmOptions, 'natsUrl'>,
  run: (swarm: ChaosSwarm, nats: NatsServerHandle) => Promise<T>,
): Promise<T> {
  const nats = await startNats({ forceSpawn: true });
  try {
    const swarm = await startChaosSwarm({ ...options, natsUrl: nats.url });
    try {
      return await run(swarm, nats);
    } finally {
      await swarm.stop();
    }
  } finally {
    await nats.stop();
  }
}
