export { createLogger } from './logger.js';
export type { ContextFields } from './logger.js';
export { samplerFromEnv } from './sampler.js';
export { startTelemetry, tracesUrl } from './start-telemetry.js';
export type { Telemetry } from './start-telemetry.js';
export { TelemetryEnv, tracesExported } from './telemetry-env.js';
