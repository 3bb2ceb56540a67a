/** DI tokens of the communications service. */
export const TOKENS = {
  config: Symbol('COMMUNICATIONS_CONFIG'),
  sinks: Symbol('DELIVERY_SINKS'),
  /** The report's writer (`CommunicationsBrain`): builtin or model-backed, chosen at boot from `SWARM_MODEL`. */
  brain: Symbol('COMMUNICATIONS_BRAIN'),
} as const;
