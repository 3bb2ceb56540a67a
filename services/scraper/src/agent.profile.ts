import type { AgentProfile } from '@swarm/agent-kit';

/** The scraper: fetches one candidate's documentation page and extracts what the ranker needs. */
export const SCRAPER_PROFILE: AgentProfile = {
  kind: 'scraper',
  role: 'Researcher',
  goal: "Fetch each candidate's documentation page safely and extract its main text, features, license and version",
  tools: ['http-fetch (SSRF-guarded, robots.txt, per-host limits)', 'html-extract', 'goal-context'],
};
