import { Controller, Get, Headers, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../auth/roles.decorator.js';
import type { GatewayConfig } from '../config.js';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';
import type { GoalFeedEvent } from './gateway-operations.js';
import { GoalsService } from './goals.service.js';
import { API_PREFIX, GATEWAY_CONFIG } from './tokens.js';

/** The sequence a reader resumes after: `Last-Event-ID`, else `?after=`, else 0 (from the start). Pure. */
export function resumeAfter(lastEventId: string | undefined, after: string | undefined): number {
  const value = lastEventId ?? after;
  if (value === undefined || value === '') return 0;
  if (!/^[0-9]{1,15}$/.test(value))
    throw new GatewayError(
      400,
      GATEWAY_ERROR_CODES.invalidRequest,
      `Last-Event-ID "${value}" is no event sequence`,
    );
  return Number(value);
}

/** One Server-Sent Event: `id`, `event`, `data` (one line of JSON). Pure. */
export function sseFrame(event: GoalFeedEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.body)}\n\n`;
}

/** `GET /api/v1/goals/{goalId}/events`: the goal's events as Server-Sent Events, resumable with `Last-Event-ID`. */
@Controller(API_PREFIX.slice(1))
export class GoalEventsController {
  constructor(
    private readonly goals: GoalsService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Stored events after the resume point, then live ones; a `: heartbeat` comment every
   * `GATEWAY_SSE_HEARTBEAT_MS`; after a trusted terminal event `event: end` and the stream closes. A client that
   * goes away ends the follow.
   */
  @Get('goals/:goalId/events')
  @Roles('viewer')
  async events(
    @Param('goalId') goalId: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('after') after: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const afterSeq = resumeAfter(lastEventId, after);
    await this.goals.assertGoalExists(goalId);
    const abort = new AbortController();
    request.on('close', () => abort.abort());
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(': following\n\n');
    if (await this.goals.endedBy(goalId, afterSeq)) {
      response.end('event: end\ndata: {}\n\n');
      return;
    }
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), this.config.sseHeartbeatMs);
    try {
      for await (const event of this.goals.followGoal(goalId, afterSeq, abort.signal)) {
        response.write(sseFrame(event));
        if (event.terminal) {
          response.write('event: end\ndata: {}\n\n');
          break;
        }
      }
    } catch (error) {
      if (!abort.signal.aborted)
        response.write(`event: error\ndata: ${JSON.stringify({ message: String(error) })}\n\n`);
    } finally {
      clearInterval(heartbeat);
      abort.abort();
      response.end();
    }
  }
}
