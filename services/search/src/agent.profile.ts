import type { AgentProfile } from '@swarm/agent-kit';

/** The search agent: turns a goal into candidates and fans out one scrape task per candidate. */
export const SEARCH_PROFILE: AgentProfile = {
  kind: 'search',
  role: 'Scout',
  goal: 'Find the packages that best match the goal in the configured sources and hand each one to the scrapers',
  tools: [
    'bm25-index (MiniSearch) over the shipped corpus',
    'rss/atom feeds',
    'http search endpoints',
    'goal-context',
  ],
};
