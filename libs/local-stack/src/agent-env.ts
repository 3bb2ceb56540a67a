import type { AgentKind } from './agent-process.js';

/** Environment variables for the processes of some agent kinds only, e.g. `{ ranker: { SWARM_MODEL: '...' } }`. */
export type AgentEnvByKind = Readonly<Partial<Record<AgentKind, Readonly<Record<string, string>>>>>;

/** The environment of one agent kind's processes: the shared one with that kind's own variables over it. Pure. */
export function agentEnvFor(
  kind: AgentKind,
  shared: Readonly<Record<string, string | undefined>>,
  byKind: AgentEnvByKind | undefined,
): Record<string, string | undefined> {
  return { ...shared, ...byKind?.[kind] };
}
