import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { Roles } from '../auth/roles.decorator.js';
import type { DeadLettersResponse, ReplayResponse } from './api-schemas.js';
import { DeadLettersService } from './dead-letters.service.js';
import { API_PREFIX } from './tokens.js';

/** `/api/v1/dead-letters`: list and replay (operators only). */
@Controller(API_PREFIX.slice(1))
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get('dead-letters')
  @Roles('operator')
  async list(@Query('queue') queue: string | undefined): Promise<z.infer<typeof DeadLettersResponse>> {
    return { deadLetters: await this.deadLetters.list(queue === '' ? undefined : queue) };
  }

  @Post('dead-letters/:id/replay')
  @Roles('operator')
  @HttpCode(202)
  replay(@Param('id') id: string): Promise<z.infer<typeof ReplayResponse>> {
    return this.deadLetters.replay(id);
  }
}
