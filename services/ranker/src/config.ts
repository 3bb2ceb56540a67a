import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import { AgentEnv, parseEnv } from '@swarm/agent-kit';

/** The ranker's configuration, parsed once at boot. */
export interface RankerConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
}

/** Reads the configuration from an environment map (only main.ts passes process.env). */
export function loadRankerConfig(env: Readonly<Record<string, string | undefined>>): RankerConfig {
  return { transport: transportSettingsFromEnv(env), agent: parseEnv(AgentEnv, env) };
}
