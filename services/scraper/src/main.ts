import { bootOrExit, runAgent } from '@swarm/agent-kit';
import { SCRAPER_PROFILE } from './agent.profile.js';
import { loadScraperConfig } from './config.js';
import { ScraperModule } from './scraper.module.js';

bootOrExit(async () => {
  const config = loadScraperConfig(process.env);
  await runAgent({
    profile: SCRAPER_PROFILE,
    module: ScraperModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
  });
});
