/** Stable codes of the errors the read model raises: a door (CLI, gateway) maps each to its own answer. */
export const GOAL_VIEWS_ERROR_CODES = {
  /** A goal id that is no single subject token (`GoalId`). */
  invalidGoalId: 'invalid-goal-id',
  /** A goal spec that does not match the contract (`GoalSpec`). */
  invalidGoal: 'invalid-goal',
  /** No goal with that id is stored. */
  goalNotFound: 'goal-not-found',
  /** The goal takes no decision: not waiting for approval, already decided, expired, or another decision came first. */
  approvalNotPending: 'approval-not-pending',
  /** The decision or the identity it is recorded under does not match the contract. */
  invalidDecision: 'invalid-decision',
  /** Writing the decision failed (e.g. the NATS user may not write that key). */
  decisionNotRecorded: 'decision-not-recorded',
  /** A followed goal did not finish in time. */
  followTimeout: 'follow-timeout',
} as const;

/** A stable error code of this lib. */
export type GoalViewsErrorCode = (typeof GOAL_VIEWS_ERROR_CODES)[keyof typeof GOAL_VIEWS_ERROR_CODES];

/**
 * An error of the read model: a lowercase message naming the bad value, a stable `code`, and whether trying the
 * same call again may succeed (`retryable`).
 */
export class GoalViewsError extends Error {
  override readonly name = 'GoalViewsError';
  constructor(
    readonly code: GoalViewsErrorCode,
    message: string,
    options: {
      readonly cause?: unknown;
      readonly retryable?: boolean;
      readonly details?: Readonly<Record<string, unknown>>;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }

  /** True when the same call may succeed later (a timeout, a bus hiccup). */
  readonly retryable: boolean;
  /** Facts a door may show beside the message (e.g. `resolution` of a refused approval). */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Whether `error` is a GoalViewsError with `code`. */
export function isGoalViewsError(error: unknown, code?: GoalViewsErrorCode): error is GoalViewsError {
  return error instanceof GoalViewsError && (code === undefined || error.code === code);
}
