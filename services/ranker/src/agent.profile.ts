import type { AgentProfile } from '@swarm/agent-kit';

/** The ranker: scores the scraped candidates and orders them, with a rationale for every score. */
export const RANKER_PROFILE: AgentProfile = {
  kind: 'ranker',
  role: 'Analyst',
  goal: 'Score every candidate on relevance, adoption, freshness, feature coverage and license, and order them',
  tools: ['goal-context', 'object-store', 'scoring'],
};
