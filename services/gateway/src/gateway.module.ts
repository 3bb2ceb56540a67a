import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { SwarmClient } from '@swarm/transport';
import { A2aModule } from './a2a/a2a.module.js';
import { AgentsController } from './api/agents.controller.js';
import { AgentsService } from './api/agents.service.js';
import { ApprovalsController } from './api/approvals.controller.js';
import { ApprovalsService } from './api/approvals.service.js';
import { BudgetController } from './api/budget.controller.js';
import { BudgetService } from './api/budget.service.js';
import { DeadLettersController } from './api/dead-letters.controller.js';
import { DeadLettersService } from './api/dead-letters.service.js';
import { GatewayOperationsService } from './api/gateway-operations.service.js';
import { GoalEventsController } from './api/goal-events.controller.js';
import { GoalsController } from './api/goals.controller.js';
import { GoalsService } from './api/goals.service.js';
import { HealthController } from './api/health.controller.js';
import { MetaController } from './api/meta.controller.js';
import { ProblemFilter } from './api/problem.filter.js';
import { GATEWAY_CONFIG, GATEWAY_OPERATIONS, SWARM_CLIENT } from './api/tokens.js';
import { AuthGuard } from './auth/auth.guard.js';
import { Authenticator } from './auth/authenticator.js';
import type { GatewayConfig } from './config.js';
import { McpModule } from './mcp/mcp.module.js';

/** The HTTP API's controllers (the OpenAPI spec test reads their routes). */
export const API_CONTROLLERS = [
  GoalsController,
  GoalEventsController,
  ApprovalsController,
  BudgetController,
  DeadLettersController,
  AgentsController,
  MetaController,
  HealthController,
];

/** What the other doors (MCP, A2A) inject: the same services the HTTP controllers call. */
const SHARED = [
  GoalsService,
  ApprovalsService,
  BudgetService,
  DeadLettersService,
  AgentsService,
  GatewayOperationsService,
  Authenticator,
  AuthGuard,
];

/**
 * The gateway: the HTTP API's controllers, the services every door shares, the global auth guard and the
 * problem filter. `forRoot` takes the parsed config and the connected SwarmClient (closed by whoever connected
 * it: `startGateway`).
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, client: SwarmClient): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      // ---- H2: the MCP and A2A doors register here (they inject GATEWAY_OPERATIONS, Authenticator, AuthGuard):
      imports: [McpModule, A2aModule],
      // ----
      controllers: API_CONTROLLERS,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: SWARM_CLIENT, useValue: client },
        ...SHARED,
        { provide: GATEWAY_OPERATIONS, useExisting: GatewayOperationsService },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [GATEWAY_CONFIG, SWARM_CLIENT, GATEWAY_OPERATIONS, ...SHARED],
    };
  }
}
