import type { AgentProcess } from '@swarm/local-stack';

/** The health port an agent printed in its `READY <kind> <instance> health=<port>` line. Pure. */
export function healthPortOf(lines: readonly string[]): number | undefined {
  for (const line of lines) {
    const match = /^READY \S+ \S+ health=(\d+)/.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** Tasks an agent is running right now, from its `/healthz`; `undefined` when it does not answer in time. */
export async function tasksInFlight(agent: AgentProcess, timeoutMs = 500): Promise<number | undefined> {
  const port = healthPortOf(agent.lines);
  if (port === undefined) return undefined;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { queues?: { inFlight?: number }[] };
    return (body.queues ?? []).reduce((sum, queue) => sum + (queue.inFlight ?? 0), 0);
  } catch {
    return undefined;
  }
}

/**
 * Picks a random agent among those running a task right now (so a kill lands mid-task); any random agent when
 * none is busy. `undefined` for an empty list.
 */
export async function pickVictim(agents: readonly AgentProcess[]): Promise<AgentProcess | undefined> {
  const load = await Promise.all(
    agents.map(async (agent) => ({ agent, busy: (await tasksInFlight(agent)) ?? 0 })),
  );
  const busy = load.filter((entry) => entry.busy > 0).map((entry) => entry.agent);
  const pool = busy.length > 0 ? busy : agents;
  return pool[Math.floor(Math.random() * pool.length)];
}
