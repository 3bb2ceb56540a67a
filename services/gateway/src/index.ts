// @swarm/gateway's public face for tests and `swarm dev`: start it in-process, or run dist/main.js.
export { loadGatewayConfig, GatewayEnv } from './config.js';
export type { GatewayConfig, OidcConfig, StaticTokenEntry } from './config.js';
export { createGatewayApp, startGateway } from './gateway-app.js';
export type { RunningGateway } from './gateway-app.js';
export { GatewayModule } from './gateway.module.js';
export { GATEWAY_CONFIG, GATEWAY_OPERATIONS, SWARM_CLIENT, API_PREFIX } from './api/tokens.js';
export type * from './api/gateway-operations.js';
export { ROLES } from './auth/roles.js';
export { GatewayConfigError, GatewayError, GATEWAY_ERROR_CODES } from './errors.js';
export { openApiDocument } from './openapi/openapi-document.js';
