import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import type { ModelSettings } from '@swarm/models';
import { AgentEnv, loadAgentModel, parseEnv } from '@swarm/agent-kit';

/** The ranker's configuration, parsed once at boot. */
export interface RankerConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
  /** Which brain ranks: `builtin` (default) or a model that grades relevance (`SWARM_MODEL*`). */
  readonly model: ModelSettings;
}

/**
 * Reads the configuration from an environment map (only main.ts passes process.env).
 * @throws ModelConfigError naming every bad `SWARM_MODEL*` variable.
 */
export function loadRankerConfig(env: Readonly<Record<string, string | undefined>>): RankerConfig {
  return {
    transport: transportSettingsFromEnv(env),
    agent: parseEnv(AgentEnv, env),
    model: loadAgentModel(env),
  };
}
