import type { GoalSpecInput } from '@swarm/contracts';
import type { z } from 'zod';
import type { Principal } from '../auth/roles.js';
import type { AddBudgetBody } from './budget-schemas.js';
import type {
  ApprovalView,
  GoalRow,
  BudgetView as BudgetViewSchema,
  GoalViewResponse,
  PendingApprovalView,
  TimelineEntry as TimelineEntrySchema,
} from './api-schemas.js';

export type { Principal, Role } from '../auth/roles.js';
export { ROLES } from '../auth/roles.js';

/** What submitting a goal returned. `created` is false when an idempotent retry found the goal already stored. */
export interface SubmittedGoal {
  readonly goalId: string;
  readonly created: boolean;
  /** `submitted` for a new goal, else where the stored one stands (as `GoalView.state`). */
  readonly state: string;
}

/** A goal as the board lists it (`GET /goals`). */
export type GoalListItem = z.infer<typeof GoalRow>;

/** One entry of a goal's timeline: a claim, hand-off, retry, dead letter or goal-level event. */
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** One stored event of a goal, as the live feed sends it. */
export interface GoalFeedEvent {
  /** The events stream sequence (the SSE `id`, what `Last-Event-ID` resumes after). */
  readonly seq: number;
  readonly type: string;
  readonly body: Record<string, unknown>;
  /** True for a trusted terminal event (`goal.completed` / `goal.failed` backed by its end record). */
  readonly terminal: boolean;
}

/** A goal's full view, as `GET /goals/{goalId}` returns it (the zod schema `GoalViewResponse`). */
export type GoalView = z.infer<typeof GoalViewResponse>;
/** A goal's budget as the API shows it. */
export type BudgetView = z.infer<typeof BudgetViewSchema>;

/** A goal waiting for a human decision. */
export type PendingApproval = z.infer<typeof PendingApprovalView>;

/** Where a goal's approval stands (`GET /goals/{goalId}/approval`). */
export type ApprovalResolutionView = z.infer<typeof ApprovalView>;

/**
 * What the HTTP controllers, the MCP server and the A2A executor all call: one implementation
 * (`GatewayOperationsService`, delegating to `GoalsService`, `ApprovalsService` and `BudgetService`), so the three doors behave
 * the same. Inject it with the token `GATEWAY_OPERATIONS`. Each method checks nothing about roles: the caller's
 * door does that before calling. Errors are `GatewayError` (status + code) or `GoalViewsError`; the HTTP door
 * maps both to problem answers (`toProblem`).
 */
export interface GatewayOperations {
  /**
   * Submits a goal for `principal` (`submittedBy` = its subject); with `idempotencyKey`, the same call twice is one
   * goal (`created: false` the second time). Throws GatewayError 400 `invalid-goal`, 409 `idempotency-conflict`
   * (same key, other goal), 422 `sink-not-enabled`, 503 `swarm-full`.
   */
  submitGoal(principal: Principal, spec: GoalSpecInput, idempotencyKey?: string): Promise<SubmittedGoal>;
  /** Newest first, at most `limit`, after `cursor` (a previous page's `nextCursor`), optionally in one `state`. */
  listGoals(options: {
    readonly limit: number;
    readonly cursor?: string;
    readonly state?: string;
  }): Promise<{ goals: GoalListItem[]; nextCursor?: string }>;
  /** One goal's full view (state, counts, approval, usage, report links, timeline); throws 404 `goal-not-found`. */
  getGoal(goalId: string): Promise<GoalView>;
  /** The goal's events after `afterSeq` (0 = all), then live ones until `signal` aborts or a trusted terminal event. */
  followGoal(goalId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<GoalFeedEvent>;
  /** The report: final (`report.md` / `report.html`) or, while awaiting approval, the preview. Throws 404 `report-not-ready`. */
  getReport(
    goalId: string,
    format: 'md' | 'html',
    stage: 'final' | 'preview',
  ): Promise<{ contentType: string; body: string }>;
  /** Goals waiting for a decision. */
  listPendingApprovals(): Promise<PendingApproval[]>;
  /** Where one goal's approval stands. */
  getApproval(goalId: string): Promise<ApprovalResolutionView>;
  /**
   * Records `principal`'s decision (vouched by the gateway's NATS user: the audit trail reads
   * `<subject> via <gateway user>`); throws 409 `approval-not-pending` (`status` says which) and returns the
   * resolution.
   */
  decideApproval(
    principal: Principal,
    goalId: string,
    decision: { readonly outcome: 'approved' | 'rejected'; readonly comment?: string },
  ): Promise<ApprovalResolutionView>;
  /**
   * Adds to the goal's budget as `<subject> via <gateway user>` and resumes its parked tasks; returns the budget.
   * With `idempotencyKey` a retry (same key, same subject) adds nothing and returns the budget as stored, with
   * `repeated`. Throws 422 `budget-over-ceiling`, 404 `goal-not-found`, 409 `goal-ended` / `budget-not-open`.
   */
  addToBudget(
    principal: Principal,
    goalId: string,
    body: AddBudgetBody,
    idempotencyKey?: string,
  ): Promise<BudgetAdditionView>;
}

/** What an addition through a door did: the budget as stored, and whether it was a retry that added nothing. */
export interface BudgetAdditionView {
  readonly budget: BudgetView;
  readonly repeated: boolean;
}
