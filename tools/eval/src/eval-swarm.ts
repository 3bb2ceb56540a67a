import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentScale, DevStack } from '@swarm/local-stack';
import { startDevStack } from '@swarm/local-stack';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';
import { SwarmClient, swarmTopology, transportSettingsFromEnv } from '@swarm/transport';

/** Replicas per agent the evaluation runs with (scraping is the slow stage, so two scrapers). */
export const EVAL_SCALE: AgentScale = { search: 1, scraper: 2, ranker: 1, communications: 1 };

/** A private swarm for one evaluation: its own NATS, the agents on the embedded default, and a client. */
export interface EvalSwarm {
  readonly client: SwarmClient;
  readonly stack: DevStack;
  /** Stops the agents (they drain), the docs server, NATS, and removes the state directory. */
  stop(): Promise<void>;
}

/**
 * The environment the agents get: the caller's, without any model setting (`SWARM_MODEL*`), so every agent
 * thinks with its builtin brain and nothing leaves the machine, whatever the shell exports. Pure.
 */
export function builtinAgentEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('SWARM_MODEL')));
}

/**
 * Starts the swarm the way `swarm demo` does (the local stack: the docs server on loopback and the agents as
 * processes with their builtin brains), on a NATS server spawned for this run on a free port with a temp store
 * (`forceSpawn`: never a server someone else runs), and connects a client that provisions the streams.
 */
export async function startEvalSwarm(
  options: {
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly scale?: AgentScale;
    readonly agentEnv?: Readonly<Record<string, string>>;
  } = {},
): Promise<EvalSwarm> {
  const env = builtinAgentEnv(options.env ?? process.env);
  const nats: NatsServerHandle = await startNats({ forceSpawn: true });
  const stateDir = mkdtempSync(path.join(tmpdir(), 'swarm-eval-'));
  let stack: DevStack | undefined;
  let client: SwarmClient | undefined;
  const stop = async () => {
    await client?.close().catch(() => undefined);
    await stack?.stop().catch(() => undefined);
    await nats.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const agentEnv = { ...env, NATS_URL: nats.url };
    client = await SwarmClient.connect(transportSettingsFromEnv(agentEnv), swarmTopology(), {
      provision: true,
      name: 'swarm-eval',
    });
    stack = await startDevStack({
      env: agentEnv,
      scale: options.scale ?? EVAL_SCALE,
      stateDir,
      agentEnv: options.agentEnv,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { client, stack, stop };
}
