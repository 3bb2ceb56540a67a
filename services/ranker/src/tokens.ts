/** DI tokens of the ranker service. */
export const TOKENS = {
  /** The ranker's brain (`RankerBrain`): builtin or model-backed, chosen at boot from `SWARM_MODEL`. */
  brain: Symbol('RANKER_BRAIN'),
} as const;
