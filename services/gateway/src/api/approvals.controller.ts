import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';
import type { ApprovalView, PendingApprovalsResponse } from './api-schemas.js';
import { DecisionBody } from './api-schemas.js';
import { ApprovalsService } from './approvals.service.js';
import { API_PREFIX } from './tokens.js';
import { parseOr400 } from './validate.js';

/** `/api/v1/approvals` and a goal's approval: the inbox, where one stands, a human's decision. */
@Controller(API_PREFIX.slice(1))
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('approvals')
  @Roles('viewer')
  async pending(
    @Query('status') status: string | undefined,
  ): Promise<z.infer<typeof PendingApprovalsResponse>> {
    if (status !== undefined && status !== 'pending')
      throw new GatewayError(
        400,
        GATEWAY_ERROR_CODES.invalidRequest,
        `status "${status}": only pending is listed`,
      );
    return { approvals: await this.approvals.listPendingApprovals() };
  }

  @Get('goals/:goalId/approval')
  @Roles('viewer')
  get(@Param('goalId') goalId: string): Promise<z.infer<typeof ApprovalView>> {
    return this.approvals.getApproval(goalId);
  }

  /** Records the decision under the authenticated subject (vouched for by the gateway's NATS user). */
  @Post('goals/:goalId/approval')
  @Roles('approver')
  @HttpCode(200)
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('goalId') goalId: string,
    @Body() body: unknown,
  ): Promise<z.infer<typeof ApprovalView>> {
    return this.approvals.decideApproval(principal, goalId, parseOr400(DecisionBody, body, 'decision'));
  }
}
