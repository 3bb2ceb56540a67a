import { bootOrExit } from '@swarm/agent-kit';
import { loadCommunicationsConfig } from './config.js';
import { runCommunications } from './run-communications.js';

bootOrExit(async () => {
  await runCommunications(loadCommunicationsConfig(process.env));
});
