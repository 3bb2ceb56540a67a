/** DI tokens of the search service. */
export const TOKENS = {
  config: Symbol('SEARCH_CONFIG'),
  sources: Symbol('SEARCH_SOURCES'),
  /** The guarded HTTP fetcher (`GuardedFetcher`) the remote sources share; closed on shutdown. */
  http: Symbol('SEARCH_HTTP'),
  /** The search brain (`SearchBrain`): builtin or model-backed, by `SWARM_MODEL`. */
  brain: Symbol('SEARCH_BRAIN'),
} as const;
