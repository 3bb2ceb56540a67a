import type { RunningAgent } from '@swarm/agent-kit';
import { runAgent } from '@swarm/agent-kit';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import { SEARCH_PROFILE } from '../agent.profile.js';
import type { SearchConfig } from '../config.js';
import { SearchModule } from '../search.module.js';

/** A search agent running in this process on `config`, and a client of the same bus that provisioned it. */
export interface RunningSearchAgent {
  readonly client: SwarmClient;
  readonly agent: RunningAgent;
}

/** Connects a provisioning client to `natsUrl`, then boots the search agent on `config` (no signal handlers). */
export async function startSearchAgent(config: SearchConfig, natsUrl: string): Promise<RunningSearchAgent> {
  const client = await SwarmClient.connect(parseTransportSettings({ natsUrl }), swarmTopology(), {
    provision: true,
  });
  const agent = await runAgent({
    profile: SEARCH_PROFILE,
    module: SearchModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
    handleSignals: false,
  });
  return { client, agent };
}
