import type { GatewayOperations } from '../api/gateway-operations.js';

/** What the A2A door needs: the shared operations, the public URL (for the card) and the version it announces. */
export interface A2aDoorOptions {
  readonly operations: GatewayOperations;
  readonly publicUrl: string;
  readonly version: string;
  /** `GATEWAY_SSE_HEARTBEAT_MS`: a comment line on an open A2A event stream this often, so proxies keep it. */
  readonly sseHeartbeatMs: number;
}

/** DI token of the `A2aDoorOptions`. */
export const A2A_DOOR_OPTIONS = Symbol('A2A_DOOR_OPTIONS');
