/** DI token of the gateway's `SwarmClient` (connected once at start, closed at shutdown). */
export const SWARM_CLIENT = 'SWARM_CLIENT' as const;
/** DI token of the parsed `GatewayConfig`. */
export const GATEWAY_CONFIG = 'GATEWAY_CONFIG' as const;
/** DI token of the `GatewayOperations` every door (HTTP, MCP, A2A) calls. */
export const GATEWAY_OPERATIONS = 'GATEWAY_OPERATIONS' as const;
/** The API's path prefix. */
export const API_PREFIX = '/api/v1';
