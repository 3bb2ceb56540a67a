import { Module } from '@nestjs/common';
import type { GatewayOperations } from '../api/gateway-operations.js';
import { GATEWAY_CONFIG, GATEWAY_OPERATIONS } from '../api/tokens.js';
import type { GatewayConfig } from '../config.js';
import { A2aController } from './a2a.controller.js';
import type { A2aDoorOptions } from './a2a-options.js';
import { A2A_DOOR_OPTIONS } from './a2a-options.js';
import { GATEWAY_VERSION } from '../version.js';

/** The A2A door (agent card + JSON-RPC at `/a2a`) over the gateway's shared operations. */
@Module({
  controllers: [A2aController],
  providers: [
    {
      provide: A2A_DOOR_OPTIONS,
      inject: [GATEWAY_OPERATIONS, GATEWAY_CONFIG],
      useFactory: (operations: GatewayOperations, config: GatewayConfig): A2aDoorOptions => ({
        operations,
        publicUrl: config.publicUrl,
        version: GATEWAY_VERSION,
        sseHeartbeatMs: config.sseHeartbeatMs,
      }),
    },
  ],
})
export class A2aModule {}
