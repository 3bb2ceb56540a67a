import type { AgentProfile } from '@swarm/agent-kit';

/** Communications: writes the comparison report, waits for approval when asked, delivers it. */
export const COMMUNICATIONS_PROFILE: AgentProfile = {
  kind: 'communications',
  role: 'Reporter',
  goal: 'Turn the ranking into a comparison report, pause for human approval when the goal asks, and deliver it',
  tools: ['object-store', 'markdown', 'html', 'stdout', 'file', 'webhook', 'smtp'],
};
