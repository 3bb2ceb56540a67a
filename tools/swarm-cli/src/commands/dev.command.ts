import type { DevStack } from '@swarm/local-stack';
import { startDevStack } from '@swarm/local-stack';
import type { AgentScale } from '@swarm/local-stack';
import type { ExitCode } from '../errors.js';
import { connectClient } from '../cli-bus.js';
import type { GoalCommandOptions } from './goal.command.js';
import { runGoal } from './goal.command.js';

type Env = Readonly<Record<string, string | undefined>>;

function describeStack(stack: DevStack): string {
  const counts = new Map<string, number>();
  for (const agent of stack.agents) counts.set(agent.kind, (counts.get(agent.kind) ?? 0) + 1);
  return [
    `  nats    ${stack.natsUrl}${stack.nats.owned ? ' (spawned, temp store)' : ''}`,
    `  docs    ${stack.docs.url} (the corpus documentation pages the scraper fetches)`,
    `  agents  ${[...counts].map(([kind, n]) => `${kind} x${n}`).join(', ')}`,
    `  reports ${stack.reportsDir}`,
  ].join('\n');
}

/** `swarm dev`: runs everything locally until Ctrl-C, printing each agent's output with its instance name. */
export async function runDev(
  options: { env: Env; scale: AgentScale; stateDir: string; quiet?: boolean },
  out: (line: string) => void,
): Promise<void> {
  const stack = await startDevStack({
    env: options.env,
    scale: options.scale,
    stateDir: options.stateDir,
    onAgentLine: options.quiet ? undefined : (instance, line) => out(`[${instance}] ${line}`),
  });
  out(
    `swarm dev is up:\n${describeStack(stack)}\nsubmit a goal in another terminal: NATS_URL=${stack.natsUrl} npx swarm goal "find top 5 agentic AI tools" --wait\nCtrl-C stops everything.`,
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
  options: { env: Env; scale: AgentScale; stateDir: string; goal: GoalCommandOptions },
  out: (line: string) => void,
): Promise<ExitCode> {
  out('starting the swarm on the embedded default (no API keys, no network)...');
  const stack = await startDevStack({ env: options.env, scale: options.scale, stateDir: options.stateDir });
  out(describeStack(stack));
  const client = await connectClient({ ...options.env, NATS_URL: stack.natsUrl }).catch(
    async (error: unknown) => {
      await stack.stop();
      throw error;
    },
  );
  try {
    const result = await runGoal(client, text, { ...options.goal, wait: true }, out);
    out(`report files: ${stack.reportsDir}/${result.goalId}.md and .html`);
    return result.exitCode;
  } finally {
    await client.close();
    out('stopping the swarm...');
    await stack.stop();
  }
}
