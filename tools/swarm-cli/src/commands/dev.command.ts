import path from 'node:path';
import type { DevGateway, DevStack } from '@swarm/local-stack';
import { AGENT_PACKAGES, startDevStack } from '@swarm/local-stack';
import type { AgentKind, AgentProcess, AgentScale } from '@swarm/local-stack';
import type { ExitCode } from '../errors.js';
import { connectClient } from '../cli-bus.js';
import type { GoalEvent } from '@swarm/goal-views';
import { followGoalTally, GoalTally } from '@swarm/goal-views';
import { renderTally } from '../display/tally-line.js';
import type { GoalCommandOptions } from './goal.command.js';
import { runGoal } from './goal.command.js';
import type { AgentModelFlags, AgentModels } from './model-flags.js';
import { agentModels, allBuiltin, checkModelFlags, modelEnvByKind } from './model-flags.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What `swarm dev` and `swarm demo` start with. */
interface StackOptions {
  readonly env: Env;
  readonly scale: AgentScale;
  readonly stateDir: string;
  /** `--model`: the model of every agent or of some; the others keep the environment's (builtin by default). */
  readonly models?: AgentModelFlags;
  /** Starts the gateway too (`swarm dev` unless `--no-gateway`): on `port` (0: any free one), else 8080 or another. */
  readonly gateway?: { readonly port?: number };
}

/** The stack's startup block: NATS, the docs server, each agent's replicas and brain, the reports. Pure. */
export function describeStack(
  stack: Pick<DevStack, 'natsUrl' | 'nats' | 'docs' | 'agents' | 'reportsDir'>,
  models: AgentModels,
): string {
  // In pipeline order (search, scraper, ranker, communications), whatever order the processes started in.
  const counts = new Map<AgentKind, number>();
  for (const kind of Object.keys(AGENT_PACKAGES) as AgentKind[]) {
    const n = stack.agents.filter((agent) => agent.kind === kind).length;
    if (n > 0) counts.set(kind, n);
  }
  return [
    `  nats    ${stack.natsUrl}${stack.nats.owned ? ' (spawned, temp store)' : ''}`,
    `  docs    ${stack.docs.url} (the corpus documentation pages the scraper fetches)`,
    `  agents  ${[...counts].map(([kind, n]) => `${kind} x${n} (${models[kind]})`).join(', ')}`,
    `  reports ${stack.reportsDir}`,
  ].join('\n');
}

/** The demo's first line: offline on the builtin brains, or with the models the agents call. Pure. */
export function demoHeadline(models: AgentModels): string {
  return allBuiltin(models)
    ? 'starting the swarm on the embedded default (no API keys, no network)...'
    : "starting the swarm on the embedded default corpus, with model-backed agents (they call their model's provider)...";
}

/**
 * The demo's last word on its report: both files the file sink wrote (`<goalId>.md` and `<goalId>.html` in the
 * reports directory), each as a full path. Pure.
 */
export function reportFilesLine(reportsDir: string, goalId: string): string {
  const file = (ext: string) => path.join(reportsDir, `${goalId}.${ext}`);
  return `report files: ${file('md')} and ${file('html')}`;
}

/** True when the goal's report reached the file sink (the demo's only sink), so its files exist. Pure. */
function deliveredToFile(final: GoalEvent | undefined): boolean {
  const to = final?.body['deliveredTo'];
  return Array.isArray(to) && to.includes('file');
}

/**
 * The gateway's lines of the startup block: its URL (the console; the API, MCP and A2A under it), the port it
 * fell back to when 8080 was taken, and the login token of this run with every role. Pure.
 */
export function describeGateway(
  gateway: Pick<DevGateway, 'url' | 'port' | 'token' | 'tokensFile' | 'fellBack'>,
): string[] {
  return [
    `  console ${gateway.url}/ (API /api/v1, MCP /mcp, A2A /a2a)${gateway.fellBack ? ' (port 8080 is taken)' : ''}`,
    `  login   ${gateway.token}`,
    `          (the console's bearer token, every role, this run only; its hash is in ${gateway.tokensFile})`,
  ];
}

/** Starts the stack with the `--model` choices (checked by the caller). */
async function startStack(options: StackOptions, onAgentLine?: (instance: string, line: string) => void) {
  const flags = options.models ?? {};
  const stack = await startDevStack({
    env: options.env,
    scale: options.scale,
    stateDir: options.stateDir,
    agentEnvByKind: modelEnvByKind(flags),
    onAgentLine,
    gateway: options.gateway,
  });
  return { stack, models: agentModels(flags, options.env) };
}

/**
 * One line per agent replica: its instance name and the URLs of its health endpoints (`/healthz`, `/readyz`) and
 * its Prometheus metrics (`/metrics`), all on loopback. Pure.
 */
export function describeAgents(agents: readonly Pick<AgentProcess, 'instance' | 'healthPort'>[]): string[] {
  const width = Math.max(0, ...agents.map((agent) => agent.instance.length));
  return agents.map((agent) => {
    if (agent.healthPort === undefined) return `  ${agent.instance.padEnd(width)}  (no health endpoint)`;
    const base = `http://127.0.0.1:${agent.healthPort}`;
    return `  ${agent.instance.padEnd(width)}  health ${base}/readyz  metrics ${base}/metrics`;
  });
}

/** `swarm dev`'s options: `logs` prints every agent's (and the gateway's) output; `quiet` prints no goal tally. */
type DevOptions = StackOptions & { readonly logs?: boolean; readonly quiet?: boolean };

/**
 * `swarm dev`: runs everything locally until Ctrl-C. Prints the stack, the gateway's console URL and login token
 * (with `gateway`), one line per agent with its health and metrics URLs, how to submit a goal, then (unless
 * `quiet`) a running tally of the goals on the events stream, one line each time it changes; with `logs`, every
 * agent's (and the gateway's) output too, prefixed with its instance name.
 */
export async function runDev(options: DevOptions, out: (line: string) => void): Promise<void> {
  checkModelFlags(options.models ?? {}, options.env);
  const { stack, models } = await startStack(
    options,
    options.logs ? (instance, line) => out(`[${instance}] ${line}`) : undefined,
  );
  const byInstance = [...stack.agents].sort((a, b) => a.instance.localeCompare(b.instance));
  out(
    [
      'swarm dev is up:',
      describeStack(stack, models),
      ...(stack.gateway ? describeGateway(stack.gateway) : []),
      ...describeAgents(byInstance),
      `submit a goal in another terminal: NATS_URL=${stack.natsUrl} npx swarm goal "find top 5 agentic AI tools" --wait`,
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
  const stopTally = new AbortController();
  const tally = options.quiet
    ? undefined
    : await startTally(stack.natsUrl, options.env, stopTally.signal, out);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  stopTally.abort();
  await tally?.done;
  out('stopping: agents drain their in-flight tasks');
  await stack.stop();
}

/**
 * Connects and starts following the goals' events, printing the tally line now and each time it reads
 * differently; `done` settles once `signal` aborted and the connection is closed.
 */
async function startTally(
  natsUrl: string,
  env: Env,
  signal: AbortSignal,
  out: (line: string) => void,
): Promise<{ readonly done: Promise<void> }> {
  const client = await connectClient({ ...env, NATS_URL: natsUrl });
  let shown = renderTally(new GoalTally().counts());
  out(shown);
  const done = followGoalTally(client, signal, (counts) => {
    const line = renderTally(counts);
    if (line !== shown) out((shown = line));
  })
    .catch((error: unknown) => {
      if (!signal.aborted)
        out(`goal tally stopped: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => client.close());
  return { done };
}

/**
 * `swarm demo "<text>"`: dev + goal + wait + clean shutdown. Returns the goal's exit code. It starts no gateway:
 * the goal is followed on the bus, and nothing outlives the run to log into.
 */
export async function runDemo(
  text: string,
  options: Omit<StackOptions, 'gateway'> & { goal: GoalCommandOptions },
  out: (line: string) => void,
): Promise<ExitCode> {
  const flags = options.models ?? {};
  checkModelFlags(flags, options.env);
  out(demoHeadline(agentModels(flags, options.env)));
  const { stack, models } = await startStack({ ...options, gateway: undefined });
  out(describeStack(stack, models));
  const client = await connectClient({ ...options.env, NATS_URL: stack.natsUrl }).catch(
    async (error: unknown) => {
      await stack.stop();
      throw error;
    },
  );
  try {
    const result = await runGoal(client, text, { ...options.goal, wait: true }, out);
    if (deliveredToFile(result.final)) out(reportFilesLine(stack.reportsDir, result.goalId));
    return result.exitCode;
  } finally {
    await client.close();
    out('stopping the swarm...');
    await stack.stop();
  }
}
