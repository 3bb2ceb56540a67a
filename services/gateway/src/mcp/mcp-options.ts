import type { GatewayOperations } from '../api/gateway-operations.js';

/** What the MCP door needs: the operations every door shares, and the version it announces. */
export interface McpDoorOptions {
  readonly operations: GatewayOperations;
  readonly version: string;
  /** The MCP limits (`GATEWAY_MCP_WAIT_MAX_SECONDS`, `GATEWAY_MCP_RECENT_EVENTS`). */
  readonly limits: McpLimits;
}

/** The MCP door's limits, from the gateway's config. */
export interface McpLimits {
  /** The longest `get_goal` waits for a change (seconds): one MCP request stays open at most this long. */
  readonly waitMaxSeconds: number;
  /** How many of the goal's latest timeline entries `get_goal` returns. */
  readonly recentEvents: number;
}

/** DI token of the `McpDoorOptions`. */
export const MCP_DOOR_OPTIONS = Symbol('MCP_DOOR_OPTIONS');
