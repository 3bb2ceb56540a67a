import path from 'node:path';
import type { DevStack } from '@swarm/local-stack';
import { AGENT_PACKAGES, startDevStack } from '@swarm/local-stack';
import type { AgentKind, AgentScale } from '@swarm/local-stack';
import type { ExitCode } from '../errors.js';
import { connectClient } from '../cli-bus.js';
import type { GoalEvent } from '../goals/goal-timeline.js';
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

/** Starts the stack with the `--model` choices (checked by the caller). */
async function startStack(options: StackOptions, onAgentLine?: (instance: string, line: string) => void) {
  const flags = options.models ?? {};
  const stack = await startDevStack({
    env: options.env,
    scale: options.scale,
    stateDir: options.stateDir,
    agentEnvByKind: modelEnvByKind(flags),
    onAgentLine,
  });
  return { stack, models: agentModels(flags, options.env) };
}

/** `swarm dev`: runs everything locally until Ctrl-C, printing each agent's output with its instance name. */
export async function runDev(
  options: StackOptions & { quiet?: boolean },
  out: (line: string) => void,
): Promise<void> {
  checkModelFlags(options.models ?? {}, options.env);
  const { stack, models } = await startStack(
    options,
    options.quiet ? undefined : (instance, line) => out(`[${instance}] ${line}`),
  );
  out(
    `swarm dev is up:\n${describeStack(stack, models)}\nsubmit a goal in another terminal: NATS_URL=${stack.natsUrl} npx swarm goal "find top 5 agentic AI tools" --wait\nCtrl-C stops everything.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  out('stopping: agents drain their in-flight tasks');
  await stack.stop();
}

/** `swarm demo "<text>"`: dev + goal + wait + clean shutdown. Returns the goal's exit code. */
export async function runDemo(
  text: string,
  options: StackOptions & { goal: GoalCommandOptions },
  out: (line: string) => void,
): Promise<ExitCode> {
  const flags = options.models ?? {};
  checkModelFlags(flags, options.env);
  out(demoHeadline(agentModels(flags, options.env)));
  const { stack, models } = await startStack(options);
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
