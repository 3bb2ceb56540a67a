/** DI tokens of the search service. */
export const TOKENS = {
  config: Symbol('SEARCH_CONFIG'),
  sources: Symbol('SEARCH_SOURCES'),
} as const;
