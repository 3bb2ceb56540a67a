import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The four agent kinds and their workspace packages. The gateway's tests start them from their built
 * `dist/main.js` (resolved at run time, not imported: a service never depends on another service's code, and
 * `@swarm/local-stack`, which does this for `swarm dev`, itself depends on the gateway).
 */
export const AGENT_PACKAGES = {
  search: '@swarm/search',
  scraper: '@swarm/scraper',
  ranker: '@swarm/ranker',
  communications: '@swarm/communications',
} as const;
/** An agent kind. */
export type AgentKind = keyof typeof AGENT_PACKAGES;

/** How long an agent may take to print `READY` (its consumer bound). */
const AGENT_READY_TIMEOUT_MS = 30_000;

/** One agent replica running as its own process. */
export interface AgentChild {
  readonly kind: AgentKind;
  readonly child: ChildProcess;
  readonly lines: string[];
  stop(): Promise<void>;
}

/** Starts one replica of `kind` with `env` and resolves once it printed `READY`; throws with its output otherwise. */
export async function spawnAgentChild(
  kind: AgentKind,
  instance: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<AgentChild> {
  const entry = createRequire(path.join(process.cwd(), 'noop.js')).resolve(`${AGENT_PACKAGES[kind]}/main`);
  const child = spawn(process.execPath, [entry], {
    env: { ...env, SWARM_INSTANCE_ID: instance },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) =>
      reject(new Error(`${instance} ${why}; last output:\n${lines.slice(-15).join('\n')}`));
    const timer = setTimeout(
      () => fail(`printed no READY within ${AGENT_READY_TIMEOUT_MS}ms`),
      AGENT_READY_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`exited (${code}) before READY`);
    });
    const follow = (stream: NodeJS.ReadableStream | null) => {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString()).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) {
          lines.push(line);
          if (line.startsWith('READY ')) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
    };
    follow(child.stdout);
    follow(child.stderr);
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return { kind, child, lines, stop };
}
