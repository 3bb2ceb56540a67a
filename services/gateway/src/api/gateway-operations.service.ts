import { Injectable } from '@nestjs/common';
import type { GoalSpecInput } from '@swarm/contracts';
import type { Principal } from '../auth/roles.js';
import { ApprovalsService } from './approvals.service.js';
import type { AddBudgetBody } from './budget-schemas.js';
import { BudgetService } from './budget.service.js';
import type {
  ApprovalResolutionView,
  BudgetAdditionView,
  GatewayOperations,
  GoalFeedEvent,
  GoalListItem,
  GoalView,
  PendingApproval,
  SubmittedGoal,
} from './gateway-operations.js';
import { GoalsService } from './goals.service.js';

/** The one `GatewayOperations` every door calls (token `GATEWAY_OPERATIONS`): goals, approvals, budgets. */
@Injectable()
export class GatewayOperationsService implements GatewayOperations {
  constructor(
    private readonly goals: GoalsService,
    private readonly approvals: ApprovalsService,
    private readonly budget: BudgetService,
  ) {}

  submitGoal(principal: Principal, spec: GoalSpecInput, idempotencyKey?: string): Promise<SubmittedGoal> {
    return this.goals.submitGoal(principal, spec, idempotencyKey);
  }

  listGoals(options: {
    readonly limit: number;
    readonly cursor?: string;
    readonly state?: string;
  }): Promise<{ goals: GoalListItem[]; nextCursor?: string }> {
    return this.goals.listGoals(options);
  }

  getGoal(goalId: string): Promise<GoalView> {
    return this.goals.getGoal(goalId);
  }

  followGoal(goalId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<GoalFeedEvent> {
    return this.goals.followGoal(goalId, afterSeq, signal);
  }

  getReport(
    goalId: string,
    format: 'md' | 'html',
    stage: 'final' | 'preview',
  ): Promise<{ contentType: string; body: string }> {
    return this.goals.getReport(goalId, format, stage);
  }

  listPendingApprovals(): Promise<PendingApproval[]> {
    return this.approvals.listPendingApprovals();
  }

  getApproval(goalId: string): Promise<ApprovalResolutionView> {
    return this.approvals.getApproval(goalId);
  }

  decideApproval(
    principal: Principal,
    goalId: string,
    decision: { readonly outcome: 'approved' | 'rejected'; readonly comment?: string },
  ): Promise<ApprovalResolutionView> {
    return this.approvals.decideApproval(principal, goalId, decision);
  }

  addToBudget(
    principal: Principal,
    goalId: string,
    body: AddBudgetBody,
    idempotencyKey?: string,
  ): Promise<BudgetAdditionView> {
    return this.budget.addToBudget(principal, goalId, body, idempotencyKey);
  }
}
