import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import type { SwarmClient } from '@swarm/transport';
import type { z } from 'zod';
import { Public } from '../auth/roles.decorator.js';
import type { HealthResponse } from './api-schemas.js';
import { SWARM_CLIENT } from './tokens.js';

/** How long `/readyz` waits for the NATS server to answer a ping. */
export const READY_PING_TIMEOUT_MS = 2_000;

/** `/healthz` (the process answers) and `/readyz` (its NATS connection answers). */
@Controller()
export class HealthController {
  constructor(@Inject(SWARM_CLIENT) private readonly client: SwarmClient) {}

  @Get('healthz')
  @Public()
  health(): z.infer<typeof HealthResponse> {
    return { status: 'ok' };
  }

  @Get('readyz')
  @Public()
  async ready(): Promise<z.infer<typeof HealthResponse>> {
    const { nc } = this.client.bus;
    const answered =
      !nc.isClosed() &&
      (await Promise.race([
        nc.flush().then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_PING_TIMEOUT_MS).unref()),
      ]).catch(() => false));
    if (!answered) throw new HttpException({ status: 'unavailable' }, 503);
    return { status: 'ok' };
  }
}
