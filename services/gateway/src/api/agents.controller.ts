import { Controller, Get } from '@nestjs/common';
import type { z } from 'zod';
import { Roles } from '../auth/roles.decorator.js';
import type { AgentsResponse } from './api-schemas.js';
import { AgentsService } from './agents.service.js';
import { API_PREFIX } from './tokens.js';

/** `/api/v1/agents`: the agent kinds, their queues, replicas and throughput. */
@Controller(API_PREFIX.slice(1))
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get('agents')
  @Roles('viewer')
  async list(): Promise<z.infer<typeof AgentsResponse>> {
    return { agents: await this.agents.list() };
  }
}
