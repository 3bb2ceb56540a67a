import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { GATEWAY_ERROR_CODES } from '../errors.js';
import type { GoalListResponse, GoalViewResponse, SubmittedGoalResponse } from './api-schemas.js';
import { GoalListQuery, IdempotencyKey, SubmitGoalBody } from './api-schemas.js';
import { goalLinks } from './goal-view.js';
import { GoalsService } from './goals.service.js';
import { API_PREFIX } from './tokens.js';
import { parseOr400 } from './validate.js';

/** Goals listed when a page does not say how many. */
export const DEFAULT_PAGE_SIZE = 20;

/** Content Security Policy of a served HTML report: its inline styles and data images, nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ReportQuery = z.object({
  format: z.enum(['md', 'html']).optional(),
  stage: z.enum(['final', 'preview']).default('final'),
});

/** The format a report request asks for: `?format=`, else the `Accept` header, else Markdown. Pure. */
export function reportFormat(format: 'md' | 'html' | undefined, accept: string | undefined): 'md' | 'html' {
  if (format) return format;
  return /\btext\/html\b/.test(accept ?? '') && !/\btext\/markdown\b/.test(accept ?? '') ? 'html' : 'md';
}

/** `/api/v1/goals`: submit, list, one goal, its report. */
@Controller(API_PREFIX.slice(1))
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Post('goals')
  @Roles('submitter')
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<z.infer<typeof SubmittedGoalResponse>> {
    const idempotencyKey = key === undefined ? undefined : parseOr400(IdempotencyKey, key, 'Idempotency-Key');
    const spec = parseOr400(SubmitGoalBody, body, 'goal', GATEWAY_ERROR_CODES.invalidGoal);
    const submitted = await this.goals.submitGoal(principal, spec, idempotencyKey);
    const links = goalLinks(submitted.goalId);
    response.status(submitted.created ? 201 : 200);
    if (submitted.created) response.setHeader('Location', links.self);
    return { goalId: submitted.goalId, state: submitted.state, links };
  }

  @Get('goals')
  @Roles('viewer')
  async list(@Query() query: Record<string, unknown>): Promise<z.infer<typeof GoalListResponse>> {
    const { limit, cursor, state } = parseOr400(GoalListQuery, query, 'query');
    return this.goals.listGoals({
      limit: limit ?? DEFAULT_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
      ...(state === undefined ? {} : { state }),
    });
  }

  @Get('goals/:goalId')
  @Roles('viewer')
  get(@Param('goalId') goalId: string): Promise<z.infer<typeof GoalViewResponse>> {
    return this.goals.getGoal(goalId);
  }

  @Get('goals/:goalId/report')
  @Roles('viewer')
  @HttpCode(200)
  async report(
    @Param('goalId') goalId: string,
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { format, stage } = parseOr400(ReportQuery, query, 'query');
    const report = await this.goals.getReport(goalId, reportFormat(format, accept), stage);
    response.setHeader('Content-Type', report.contentType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', REPORT_CSP);
    response.setHeader('Cache-Control', 'no-store');
    response.send(report.body);
  }
}
