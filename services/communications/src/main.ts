import { bootOrExit, runAgent } from '@swarm/agent-kit';
import { COMMUNICATIONS_PROFILE } from './agent.profile.js';
import { CommunicationsModule } from './communications.module.js';
import { loadCommunicationsConfig } from './config.js';

bootOrExit(async () => {
  const config = loadCommunicationsConfig(process.env);
  await runAgent({
    profile: COMMUNICATIONS_PROFILE,
    module: CommunicationsModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
  });
});
