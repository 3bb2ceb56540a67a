import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { collectLines } from './child-output.js';
import { serviceEntry } from './service-entry.js';

/** The four agent kinds and the workspace package of each. */
export const AGENT_PACKAGES = {
  search: '@swarm/search',
  scraper: '@swarm/scraper',
  ranker: '@swarm/ranker',
  communications: '@swarm/communications',
} as const;
/** An agent kind. */
export type AgentKind = keyof typeof AGENT_PACKAGES;

/** One agent replica running as its own process. */
export interface AgentProcess {
  readonly kind: AgentKind;
  readonly instance: string;
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  /** The port of its health server (`/healthz`, `/readyz`, `/metrics`), from its `READY` line. */
  readonly healthPort: number | undefined;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Finds the built entry point (`dist/main.js`) of an agent service, resolving from the working directory. */
export function agentEntry(kind: AgentKind, cwd = process.cwd()): string {
  return serviceEntry(AGENT_PACKAGES[kind], `the ${kind} agent`, cwd);
}

/** Starts one replica and resolves once it printed `READY` (its consumer is bound). */
export async function spawnAgent(options: {
  readonly kind: AgentKind;
  readonly instance: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onLine?: (line: string) => void;
  readonly readyTimeoutMs?: number;
}): Promise<AgentProcess> {
  const child = spawn(process.execPath, [agentEntry(options.kind)], {
    env: { ...options.env, SWARM_INSTANCE_ID: options.instance },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiters = new Set<() => void>();
  const lines = collectLines(child, options.onLine, () => {
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find((line) => pattern.test(line));
        if (found !== undefined) finish(() => resolve(found));
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                `${options.instance}: no line matching ${pattern} within ${timeoutMs}ms; last output:\n${lines.slice(-15).join('\n')}`,
              ),
            ),
          ),
        timeoutMs,
      );
      const onExit = (code: number | null) =>
        finish(() =>
          reject(
            new Error(
              `${options.instance} exited (${code}) before ${pattern}; last output:\n${lines.slice(-15).join('\n')}`,
            ),
          ),
        );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        child.off('exit', onExit);
        settle();
      };
      waiters.add(check);
      child.once('exit', onExit);
      check();
    });

  let ready: string;
  try {
    ready = await waitForLine(/^READY /, options.readyTimeoutMs);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw error;
  }
  return {
    kind: options.kind,
    instance: options.instance,
    child,
    lines,
    exited,
    healthPort: healthPortOf(ready),
    waitForLine,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The health port an agent's `READY <kind> <instance> health=<port>` line names. Pure. */
export function healthPortOf(readyLine: string): number | undefined {
  const port = /\bhealth=(\d+)\b/.exec(readyLine)?.[1];
  return port === undefined ? undefined : Number(port);
}
