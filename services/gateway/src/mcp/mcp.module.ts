import { Module } from '@nestjs/common';
import type { GatewayOperations } from '../api/gateway-operations.js';
import { GATEWAY_CONFIG, GATEWAY_OPERATIONS } from '../api/tokens.js';
import type { GatewayConfig } from '../config.js';
import { GATEWAY_VERSION } from '../version.js';
import { McpController } from './mcp.controller.js';
import type { McpDoorOptions } from './mcp-options.js';
import { MCP_DOOR_OPTIONS } from './mcp-options.js';

/** The MCP door at `/mcp` over the gateway's shared operations (`GATEWAY_OPERATIONS`). */
@Module({
  controllers: [McpController],
  providers: [
    {
      provide: MCP_DOOR_OPTIONS,
      inject: [GATEWAY_OPERATIONS, GATEWAY_CONFIG],
      useFactory: (operations: GatewayOperations, config: GatewayConfig): McpDoorOptions => ({
        operations,
        version: GATEWAY_VERSION,
        limits: { waitMaxSeconds: config.mcpWaitMaxSeconds, recentEvents: config.mcpRecentEvents },
      }),
    },
  ],
})
export class McpModule {}
