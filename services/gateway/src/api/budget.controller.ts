import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
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

  /** Records the addition under the authenticated subject (vouched for by the gateway's NATS user). */
  @Post('goals/:goalId/budget')
  @Roles('operator')
  @HttpCode(200)
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('goalId') goalId: string,
    @Body() body: unknown,
  ): Promise<BudgetView> {
    return this.budget.addToBudget(principal, goalId, parseOr400(AddBudgetBody, body, 'budget addition'));
  }
}
