import path from 'node:path';
import type { DocsServer, DocsServerFaults } from '@swarm/corpus';
import { startDocsServer } from '@swarm/corpus';
import type { AgentEnvByKind } from './agent-env.js';
import { agentEnvFor } from './agent-env.js';
import type { AgentKind, AgentProcess } from './agent-process.js';
import { AGENT_PACKAGES, spawnAgent } from './agent-process.js';
import { writeGatewayLogin } from './gateway-login.js';
import { pickGatewayPort } from './gateway-port.js';
import type { GatewayProcess } from './gateway-process.js';
import { spawnGateway } from './gateway-process.js';
import type { LocalNats } from './local-nats.js';
import { resolveLocalNats } from './local-nats.js';
import type { AgentScale } from './scale.js';
import { stackAgentEnv } from './stack-env.js';

/** Where the dev stack's gateway listens: loopback only (its one login has every role). */
export const DEV_GATEWAY_HOST = '127.0.0.1';

/** The dev stack's gateway: its process, the login for the console, and how its port was picked. */
export interface DevGateway extends GatewayProcess {
  /** The bearer token with every role, made for this run (its hash is in `tokensFile`). */
  readonly token: string;
  readonly tokensFile: string;
  /** True when the default port (8080) was taken and a free port was picked instead. */
  readonly fellBack: boolean;
}

/** Everything `swarm dev` runs: NATS, the docs server, the agent replicas and (unless left out) the gateway. */
export interface DevStack {
  readonly natsUrl: string;
  readonly nats: LocalNats;
  readonly docs: DocsServer;
  readonly agents: AgentProcess[];
  /** Where the file sink writes reports (`DELIVERY_FILE_DIR`, else `<stateDir>/reports`). */
  readonly reportsDir: string;
  /** The gateway, when `startDevStack` was asked for one. */
  readonly gateway: DevGateway | undefined;
  /** Starts one more replica of a kind (used by tests to replace a killed one). */
  addAgent(kind: AgentKind): Promise<AgentProcess>;
  /** SIGTERMs the gateway and every agent (they drain), closes the docs server, stops NATS if it was started here. */
  stop(): Promise<void>;
}

/**
 * Starts the swarm locally on the embedded default: NATS (NATS_URL, else localhost:4222, else a spawned
 * nats-server), the documentation server on loopback (the only private address the scraper may fetch), and N
 * processes per agent. Agents deliver as `env` says (`DELIVERY_SINKS`, `DELIVERY_FILE_DIR`), else to files under
 * `<stateDir>/reports` (`stackAgentEnv`). Every agent process gets `env`, the stack's own settings and `agentEnv`; `agentEnvByKind` goes over that for one kind's processes
 * (so each agent can, say, use another `SWARM_MODEL`), replicas added later included.
 *
 * With `gateway`, it also starts the gateway once the agents are ready: on loopback, on `gateway.port` (0: any
 * free port) or 8080, else a free port (`pickGatewayPort`, checked before anything starts: a port asked for that is
 * taken throws `StackConfigError`), with a fresh token of every role whose hash it writes to
 * `<stateDir>/gateway-tokens.json` (mode 0600). `onAgentLine` gets the gateway's output too, as instance `gateway`.
 */
export async function startDevStack(options: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly scale: AgentScale;
  readonly stateDir: string;
  readonly agentEnv?: Readonly<Record<string, string>>;
  readonly agentEnvByKind?: AgentEnvByKind;
  readonly docsFaults?: DocsServerFaults;
  readonly onAgentLine?: (instance: string, line: string) => void;
  readonly gateway?: { readonly port?: number };
}): Promise<DevStack> {
  const gatewayPort = options.gateway
    ? await pickGatewayPort(DEV_GATEWAY_HOST, options.gateway.port)
    : undefined;
  const nats = await resolveLocalNats(options.env);
  const docs = await startDocsServer({ host: '127.0.0.1', port: 0, faults: options.docsFaults });
  const baseEnv = stackAgentEnv(
    options.env,
    {
      natsUrl: nats.url,
      docsUrl: docs.url,
      docsPort: docs.port,
      defaultReportsDir: path.join(options.stateDir, 'reports'),
    },
    options.agentEnv,
  );
  const reportsDir = baseEnv['DELIVERY_FILE_DIR'] ?? path.join(options.stateDir, 'reports');
  const counters: Record<string, number> = {};
  const agents: AgentProcess[] = [];
  const addAgent = async (kind: AgentKind) => {
    counters[kind] = (counters[kind] ?? 0) + 1;
    const instance = `${kind}-${counters[kind]}`;
    const agent = await spawnAgent({
      kind,
      instance,
      env: agentEnvFor(kind, baseEnv, options.agentEnvByKind),
      onLine: options.onAgentLine ? (line) => options.onAgentLine?.(instance, line) : undefined,
    });
    agents.push(agent);
    return agent;
  };
  let gateway: DevGateway | undefined;
  const stop = async () => {
    await gateway?.stop('SIGTERM');
    await Promise.all(agents.map((agent) => agent.stop('SIGTERM')));
    await docs.close();
    await nats.stop();
  };
  try {
    const kinds = Object.keys(AGENT_PACKAGES) as AgentKind[];
    await Promise.all(
      kinds.flatMap((kind) => Array.from({ length: options.scale[kind] }, () => addAgent(kind))),
    );
    if (gatewayPort) {
      const login = writeGatewayLogin(options.stateDir);
      const started = await spawnGateway({
        env: options.env,
        natsUrl: nats.url,
        endpoint: { host: DEV_GATEWAY_HOST, port: gatewayPort.port, tokensFile: login.tokensFile },
        onLine: options.onAgentLine ? (line) => options.onAgentLine?.('gateway', line) : undefined,
      });
      gateway = { ...started, ...login, fellBack: gatewayPort.fellBack };
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { natsUrl: nats.url, nats, docs, agents, reportsDir, gateway, addAgent, stop };
}
