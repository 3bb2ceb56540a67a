/** DI tokens of the search service. */
export const TOKENS = {
  config: Symbol('SEARCH_CONFIG'),
  sources: Symbol('SEARCH_SOURCES'),
  /** The search brain (`SearchBrain`): builtin or model-backed, by `SWARM_MODEL`. */
  brain: Symbol('SEARCH_BRAIN'),
} as const;
