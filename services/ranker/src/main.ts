import { bootOrExit, runAgent } from '@swarm/agent-kit';
import { RANKER_PROFILE } from './agent.profile.js';
import { loadRankerConfig } from './config.js';
import { RankerModule } from './ranker.module.js';

bootOrExit(async () => {
  const config = loadRankerConfig(process.env);
  await runAgent({
    profile: RANKER_PROFILE,
    module: RankerModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
  });
});
