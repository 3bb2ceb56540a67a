import { Inject, Injectable } from '@nestjs/common';
import type { GoalBudget } from '@swarm/contracts';
import { overCeiling } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { addToGoalBudget, budgetCeiling, budgetDefaults } from '@swarm/transport';
import type { Principal } from '../auth/roles.js';
import type { GatewayConfig } from '../config.js';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';
import { voucherOf } from './approvals.service.js';
import type { AddBudgetBody } from './budget-schemas.js';
import type { BudgetAdditionView } from './gateway-operations.js';
import { budgetView } from './goal-view.js';
import { GoalsService } from './goals.service.js';
import { GATEWAY_CONFIG, SWARM_CLIENT } from './tokens.js';

/** Longest `by` a budget addition keeps (the contract's bound). */
const BY_MAX = 128;

/** Who an addition made through the gateway is recorded as: `<subject> via <gateway user>`, cut to fit. Pure. */
export function budgetAdditionBy(subject: string, voucher: string): string {
  const suffix = ` via ${voucher}`;
  return `${subject.slice(0, Math.max(1, BY_MAX - suffix.length))}${suffix}`.slice(0, BY_MAX);
}

/**
 * Each quantity of an addition above the deployment's ceiling (as `costUsd 2 > 1`): one addition may not name
 * more than a goal may ask for at submission. Pure.
 */
export function additionOverCeiling(body: AddBudgetBody, ceiling: GoalBudget): string[] {
  return overCeiling(
    { ...body.add, ...(body.deadlineMs === undefined ? {} : { deadlineMs: body.deadlineMs }) },
    ceiling,
  );
}

/** Adding to a goal's budget for a human the gateway authenticated (`swarm budget --add` over HTTP and MCP). */
@Injectable()
export class BudgetService {
  constructor(
    @Inject(SWARM_CLIENT) private readonly client: SwarmClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly goals: GoalsService,
  ) {}

  /**
   * Adds `body` to the goal's budget as `<subject> via <gateway user>` and resumes its parked tasks
   * (`addToGoalBudget`); returns the budget as stored. Throws GatewayError 422 `budget-over-ceiling` (a quantity
   * above SWARM_BUDGET_MAX_*), GoalViewsError 400 `invalid-goal-id`, GatewayError 404 `goal-not-found`, 409
   * `goal-ended` (completed or failed) and 409 `budget-not-open` (no budget record yet); ReplayRefusedError
   * (409) when a parked task cannot be replayed (the addition stands). With `idempotencyKey`, kept in the
   * addition, a retry by the same subject with the same key adds nothing and returns the budget as stored
   * (`repeated`); a retry after the goal has ended is refused like any addition (409 `goal-ended`).
   */
  async addToBudget(
    principal: Principal,
    goalId: string,
    body: AddBudgetBody,
    idempotencyKey?: string,
  ): Promise<BudgetAdditionView> {
    const over = additionOverCeiling(body, budgetCeiling(this.config.transport));
    if (over.length > 0)
      throw new GatewayError(
        422,
        GATEWAY_ERROR_CODES.budgetOverCeiling,
        `budget addition refused: it is above this deployment's ceiling (${over.join(', ')}; ` +
          'SWARM_BUDGET_MAX_*). Nothing was added',
        { members: { over } },
      );
    const view = await this.goals.getGoal(goalId);
    if (view.state === 'completed' || view.state === 'failed')
      throw new GatewayError(409, GATEWAY_ERROR_CODES.goalEnded, `goal ${goalId} has ended (${view.state})`, {
        members: { state: view.state },
      });
    if (!view.budget)
      throw new GatewayError(
        409,
        GATEWAY_ERROR_CODES.budgetNotOpen,
        `goal ${goalId} has no budget record yet (no agent has claimed it); try again once it runs`,
      );
    const by = budgetAdditionBy(principal.subject, voucherOf(this.config.transport.natsUser));
    const { record, repeated } = await addToGoalBudget(
      this.client,
      goalId,
      {
        by,
        add: body.add,
        ...(body.deadlineMs === undefined ? {} : { deadlineMs: body.deadlineMs }),
        ...(idempotencyKey === undefined ? {} : { key: idempotencyKey }),
      },
      budgetDefaults(this.config.transport),
    );
    return { budget: budgetView(record), repeated };
  }
}
