import { bootOrExit, runAgent } from '@swarm/agent-kit';
import { SEARCH_PROFILE } from './agent.profile.js';
import { loadSearchConfig } from './config.js';
import { SearchModule } from './search.module.js';

bootOrExit(async () => {
  const config = loadSearchConfig(process.env);
  await runAgent({
    profile: SEARCH_PROFILE,
    module: SearchModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
  });
});
