import { Module } from '@nestjs/common';
import type { GatewayOperations } from '../api/gateway-operations.js';
import { GATEWAY_OPERATIONS } from '../api/tokens.js';
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
      inject: [GATEWAY_OPERATIONS],
      useFactory: (operations: GatewayOperations): McpDoorOptions => ({
        operations,
        version: GATEWAY_VERSION,
      }),
    },
  ],
})
export class McpModule {}
