import { StackConfigError } from './errors.js';
import type { AgentKind } from './agent-process.js';
import { AGENT_PACKAGES } from './agent-process.js';

/** Replicas per agent kind. */
export type AgentScale = Readonly<Record<AgentKind, number>>;

/** Most replicas of one kind `swarm dev` starts on one machine. */
export const MAX_LOCAL_REPLICAS = 16;

/** Parses `--scale scraper=3` options (repeatable, or comma-separated) over one replica each. Pure. */
export function parseScale(specs: readonly string[]): AgentScale {
  const scale: Record<AgentKind, number> = { search: 1, scraper: 1, ranker: 1, communications: 1 };
  for (const spec of specs.flatMap((s) => s.split(',')).filter((s) => s.trim() !== '')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/.exec(spec);
    const kind = match?.[1];
    if (!match || !kind || !(kind in AGENT_PACKAGES)) {
      throw new StackConfigError(
        `bad --scale "${spec}": use <agent>=<replicas> with agent one of ${Object.keys(AGENT_PACKAGES).join(', ')}`,
      );
    }
    const replicas = Number(match[2]);
    if (replicas < 1 || replicas > MAX_LOCAL_REPLICAS) {
      throw new StackConfigError(`bad --scale "${spec}": replicas must be 1..${MAX_LOCAL_REPLICAS}`);
    }
    scale[kind as AgentKind] = replicas;
  }
  return scale;
}
