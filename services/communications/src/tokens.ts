/** DI tokens of the communications service. */
export const TOKENS = {
  config: Symbol('COMMUNICATIONS_CONFIG'),
  sinks: Symbol('DELIVERY_SINKS'),
} as const;
