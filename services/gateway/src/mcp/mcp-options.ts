import type { GatewayOperations } from '../api/gateway-operations.js';

/** What the MCP door needs: the operations every door shares, and the version it announces. */
export interface McpDoorOptions {
  readonly operations: GatewayOperations;
  readonly version: string;
}

/** DI token of the `McpDoorOptions`. */
export const MCP_DOOR_OPTIONS = Symbol('MCP_DOOR_OPTIONS');
