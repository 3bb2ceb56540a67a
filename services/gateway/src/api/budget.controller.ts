import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { IdempotencyKey } from './api-schemas.js';
import { AddBudgetBody } from './budget-schemas.js';
import { BudgetService } from './budget.service.js';
import type { BudgetView } from './gateway-operations.js';
import { API_PREFIX } from './tokens.js';
import { parseOr400 } from './validate.js';

/**
 * `/api/v1/goals/{goalId}/budget`: add to a goal's budget and resume it. Operators only: an addition spends
 * money and replays parked dead letters, both the operator's business (as `swarm budget --add` and dead-letter
 * replay are); an approver judges reports, not spend.
 */
@Controller(API_PREFIX.slice(1))
export class BudgetController {
  constructor(private readonly budget: BudgetService) {}

  /**
   * Records the addition under the authenticated subject (vouched for by the gateway's NATS user). With an
   * `Idempotency-Key` a retried request adds once: the repeat answers 200 with the budget as stored and the header
   * `Idempotent-Replayed: true`.
   */
  @Post('goals/:goalId/budget')
  @Roles('operator')
  @HttpCode(200)
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('goalId') goalId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BudgetView> {
    const idempotencyKey = key === undefined ? undefined : parseOr400(IdempotencyKey, key, 'Idempotency-Key');
    const addition = parseOr400(AddBudgetBody, body, 'budget addition');
    const { budget, repeated } = await this.budget.addToBudget(principal, goalId, addition, idempotencyKey);
    // A retry of an addition already made (same key, same subject) added nothing: say so, as Stripe-style APIs do.
    if (repeated) response.setHeader('Idempotent-Replayed', 'true');
    return budget;
  }
}
