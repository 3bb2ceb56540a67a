/**
 * Agent settings for chaos runs: claims expire in 3 s (heartbeats every 500 ms keep live ones), pulls renew
 * every second, and a SIGTERM drains for 3 s, so a dead replica's work moves on in seconds. Retries keep the
 * production defaults (5 deliveries, backoff 1/5/15/30 s): a broker outage costs what it would in production.
 */
export const CHAOS_AGENT_ENV = {
  SWARM_ACK_WAIT_MS: '3000',
  SWARM_HEARTBEAT_MS: '500',
  SWARM_PULL_EXPIRES_MS: '1000',
  SWARM_DRAIN_TIMEOUT_MS: '3000',
  SCRAPER_FETCH_TIMEOUT_MS: '5000',
  WEBHOOK_TIMEOUT_MS: '5000',
} as const;

/** Goals ask for the top result; the search agent scrapes `fan-out` candidates for it (SEARCH_CANDIDATE_FACTOR). */
export const CHAOS_GOAL_TOP_N = 1;

/** Candidates scraped per goal by default: every goal runs search, a 2-way join, rank and report. */
export const DEFAULT_FAN_OUT = 2;
