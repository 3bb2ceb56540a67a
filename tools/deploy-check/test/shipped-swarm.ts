import { startDocsServer } from '@swarm/corpus';
import type { DocsServer } from '@swarm/corpus';
import { freePort, waitFor } from '@swarm/testing';
import path from 'node:path';
import { AGENTS } from '../src/index.js';
import { containerEnv, imageCommand } from './image-env.js';
import type { LocalNats } from './nats-server.js';
import { passwordOf, startShippedNats } from './nats-server.js';
import type { Started } from './processes.js';
import { httpStatus, run, start, startSink, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';

const SWARM_CLI = path.join(REPO_ROOT, 'tools/swarm-cli/bin/swarm.js');

/** The four agents running as their production builds against a shipped NATS config, each as its own user. */
export interface ShippedSwarm {
  readonly nats: LocalNats;
  readonly agents: readonly Started[];
  /** Runs `swarm <args>` as the NATS user of a role (an agent kind, `cli`, an approver). */
  swarm(role: string, ...args: string[]): Promise<{ code: number | null; output: string }>;
  /** The server log lines that report a permission violation. */
  violations(): string[];
  close(): Promise<void>;
}

/** How to run the swarm: the shipped config by default, or another auth.conf with its users. */
export interface ShippedSwarmOptions {
  readonly config?: string;
  /** An auth.conf to run instead of the shipped one, with the server's password variables. */
  readonly authConf?: string;
  readonly serverEnv?: Readonly<Record<string, string>>;
  /** The NATS user and password a role (an agent kind, `cli`, an approver) logs in with. */
  readonly credentials?: (role: string) => { readonly user: string; readonly password: string };
  readonly agentEnv?: Readonly<Record<string, string>>;
}

const shippedCredentials = (role: string) => ({ user: role, password: passwordOf(role) });

/** Starts deploy/nats/<config> and the four agents on it (each with its own credentials); resolves once all are ready. */
export async function startShippedSwarm(options: ShippedSwarmOptions = {}): Promise<ShippedSwarm> {
  const credentials = options.credentials ?? shippedCredentials;
  const [nats, docs, sink]: [LocalNats, DocsServer, Awaited<ReturnType<typeof startSink>>] =
    await Promise.all([
      startShippedNats(options.config ?? 'nats.conf', {
        ...(options.authConf === undefined ? {} : { authConf: options.authConf }),
        ...(options.serverEnv === undefined ? {} : { env: options.serverEnv }),
      }),
      startDocsServer({ host: '127.0.0.1', port: 0 }),
      startSink(),
    ]);
  const agents: Started[] = [];
  for (const agent of AGENTS) {
    const healthPort = await freePort();
    const env = containerEnv(
      agent,
      {
        'nats://nats:4222': nats.clientUrl,
        'http://jaeger:4318': sink.url,
        'http://docs:4815': docs.url,
        'docs:4815': `127.0.0.1:${docs.port}`,
      },
      {
        HEALTH_PORT: String(healthPort),
        NATS_USER: credentials(agent).user,
        NATS_PASSWORD: credentials(agent).password,
        ...options.agentEnv,
      },
    );
    const { file, args } = imageCommand(agent);
    const process = start(file, args, { cwd: REPO_ROOT, env });
    agents.push(process);
    await waitFor(async () => (await httpStatus(`http://127.0.0.1:${healthPort}/readyz`)) === 200, {
      timeoutMs: 30_000,
      description: `${agent} ready as NATS user ${credentials(agent).user}`,
    }).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${process.lines.slice(-15).join('\n')}`);
    });
  }
  const stateDir = tempDir('cli');
  return {
    nats,
    agents,
    swarm: (role, ...args) =>
      run(process.execPath, [SWARM_CLI, ...args], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env['PATH'],
          NATS_URL: nats.clientUrl,
          NATS_USER: credentials(role).user,
          NATS_PASSWORD: credentials(role).password,
          SWARM_STATE_DIR: stateDir,
        },
      }),
    violations: () => nats.server.lines.filter((line) => /violation/i.test(line)),
    close: async () => {
      await Promise.all([docs.close(), sink.close()]);
    },
  };
}
