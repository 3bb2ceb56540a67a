import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocsServer } from '@swarm/corpus';
import { startDocsServer } from '@swarm/corpus';
import type { AgentKind, AgentProcess } from '@swarm/local-stack';
import { AGENT_PACKAGES, spawnAgent } from '@swarm/local-stack';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { SwarmClient as Client, swarmTopology, transportSettingsFromEnv } from '@swarm/transport';
import { loadGatewayConfig, startGateway } from '../index.js';
import type { RunningGateway } from '../index.js';

/** The logins the stack's gateway knows (the name is the subject): one with every role, one that may only look. */
export const CONSOLE_LOGINS = {
  admin: ['viewer', 'submitter', 'approver', 'operator'],
  viewer: ['viewer'],
} as const;

/** A real swarm behind a real gateway: NATS, the four agents as processes, the gateway, a client of the bus. */
export interface ConsoleStack {
  /** The gateway's base URL: the console at `/`, the API at `/api/v1`. */
  readonly url: string;
  /** The bearer token of each login, by name. */
  readonly tokens: Record<keyof typeof CONSOLE_LOGINS, string>;
  readonly client: SwarmClient;
  readonly gateway: RunningGateway;
  readonly agents: readonly AgentProcess[];
  stop(): Promise<void>;
}

/** Agent settings that make retries, approvals and dead letters happen in seconds. */
const FAST_AGENT_ENV = {
  SWARM_ACK_WAIT_MS: '3000',
  SWARM_HEARTBEAT_MS: '500',
  SWARM_BACKOFF_MS: '200,400',
  SWARM_MAX_DELIVER: '3',
  SWARM_PULL_EXPIRES_MS: '1000',
  SWARM_DRAIN_TIMEOUT_MS: '3000',
  APPROVAL_SWEEP_MS: '100',
} as const;

/** The built console (`vite build` output), which the gateway serves at `/`. */
export const BUILT_CONSOLE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/console',
);

/**
 * Starts a nats-server, the docs server, one replica of each agent (from the services' `dist/`, so build them
 * first; they get `env` with the stack's settings over it) and the gateway in this process, with the built console
 * and `CONSOLE_LOGINS` (a fresh random token each). `gatewayEnv` goes over the gateway's settings.
 */
export async function startConsoleStack(
  env: Readonly<Record<string, string | undefined>>,
  gatewayEnv: Readonly<Record<string, string>> = {},
): Promise<ConsoleStack> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'swarm-console-'));
  const names = Object.keys(CONSOLE_LOGINS) as Array<keyof typeof CONSOLE_LOGINS>;
  const tokens = Object.fromEntries(
    names.map((name) => [name, randomBytes(24).toString('base64url')]),
  ) as Record<keyof typeof CONSOLE_LOGINS, string>;
  const tokenEntries = names.map((name) => ({
    name,
    sha256: createHash('sha256').update(tokens[name]).digest('hex'),
    roles: CONSOLE_LOGINS[name],
  }));
  let nats: NatsServerHandle | undefined;
  let docs: DocsServer | undefined;
  let gateway: RunningGateway | undefined;
  let client: SwarmClient | undefined;
  const agents: AgentProcess[] = [];
  const stop = async () => {
    await client?.close();
    await gateway?.close();
    await Promise.all(agents.map((agent) => agent.stop()));
    await docs?.close();
    await nats?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    nats = await startNats();
    docs = await startDocsServer({ host: '127.0.0.1', port: 0 });
    const agentEnv = {
      ...env,
      NATS_URL: nats.url,
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      SEARCH_DOCS_BASE_URL: docs.url,
      SCRAPER_ALLOW_HOSTS: `127.0.0.1:${docs.port}`,
      DELIVERY_SINKS: 'file',
      DELIVERY_FILE_DIR: path.join(stateDir, 'reports'),
      ...FAST_AGENT_ENV,
    };
    const kinds = Object.keys(AGENT_PACKAGES) as AgentKind[];
    for (const kind of kinds) agents.push(await spawnAgent({ kind, instance: `${kind}-1`, env: agentEnv }));
    gateway = await startGateway(
      loadGatewayConfig({
        NATS_URL: nats.url,
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: '0',
        GATEWAY_TOKENS: JSON.stringify(tokenEntries),
        GATEWAY_CONSOLE_DIR: BUILT_CONSOLE_DIR,
        ...gatewayEnv,
      }),
      { logger: false },
    );
    client = await Client.connect(transportSettingsFromEnv({ NATS_URL: nats.url }), swarmTopology(), {
      name: 'console-test',
    });
    return { url: gateway.url, tokens, client, gateway, agents, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
