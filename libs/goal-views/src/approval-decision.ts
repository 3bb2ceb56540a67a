import type { ApprovalResolution, ApprovalState, ApprovalView, DecisionIdentity } from '@swarm/contracts';
import { ApprovalDecision, decisionKeyOf, describeDecisionIdentity, readApproval } from '@swarm/contracts';
import type { GoalContext, SwarmClient } from '@swarm/transport';
import { GOAL_VIEWS_ERROR_CODES, GoalViewsError } from './errors.js';

/** A decision on a goal waiting for approval. */
export interface ApprovalDecisionInput {
  readonly outcome: 'granted' | 'rejected';
  /** Required for a rejection (the contract's `ApprovalDecision`). */
  readonly comment?: string;
}

/** The decision that counted: this one. */
export interface RecordedApproval {
  readonly goalId: string;
  /** Who it is recorded under, as the audit trail reads it (`alice`, or `alice@example.com via gateway`). */
  readonly identity: string;
  readonly outcome: 'granted' | 'rejected';
  readonly revision: number;
  /** The request it answers (the report under review is `reportArtifact`). */
  readonly request: ApprovalState;
}

const VERB = { granted: 'approved', rejected: 'rejected' } as const;

const notPending = (message: string, resolution: string) =>
  new GoalViewsError(GOAL_VIEWS_ERROR_CODES.approvalNotPending, message, { details: { resolution } });
const invalid = (message: string, cause?: unknown) =>
  new GoalViewsError(GOAL_VIEWS_ERROR_CODES.invalidDecision, message, { cause });

/**
 * Why a goal's approval takes no (further) decision, or undefined when it does. `identity` is who asks, as the
 * audit trail names it (`describeDecisionIdentity`): a decision of theirs reads "you (...)". Pure.
 */
export function closedReason(
  goalId: string,
  resolution: ApprovalResolution,
  identity: string,
  now: Date,
): string | undefined {
  switch (resolution.status) {
    case 'not-requested':
      return `goal ${goalId} is not waiting for approval`;
    case 'decided': {
      const who = resolution.by === identity ? `you (${identity})` : resolution.by;
      const why = resolution.comment ? `: "${resolution.comment}"` : '';
      return `goal ${goalId} was already ${VERB[resolution.outcome]} by ${who}${why}`;
    }
    case 'expired':
      return `the approval of goal ${goalId} expired at ${resolution.at}; no decision counts any more`;
    case 'pending':
      return now.getTime() >= Date.parse(resolution.request.expiresAt)
        ? `the approval of goal ${goalId} expired at ${resolution.request.expiresAt}; no decision counts any more`
        : undefined;
  }
}

/** The status a refusal names: `not-requested`, `decided`, `expired` (also a pending one past its deadline). */
function closedStatus(resolution: ApprovalResolution): string {
  return resolution.status === 'pending' ? 'expired' : resolution.status;
}

/** The decision key of `identity`, or GoalViewsError (`invalid-decision`) naming what is wrong with it. */
function keyOf(identity: DecisionIdentity): string {
  try {
    return decisionKeyOf(identity);
  } catch (error) {
    throw invalid(
      typeof identity === 'string'
        ? `approver identity "${identity}" must be 1 to 64 letters, digits, "_" and "-"`
        : `decision identity refused: gateway user "${identity.vouchedBy}" must be 1 to 64 letters, digits, "_" and "-", and the subject 1 or more characters without control characters`,
      error,
    );
  }
}

async function createDecision(
  goal: GoalContext,
  goalId: string,
  key: string,
  who: string,
  value: ApprovalDecision,
): Promise<{ readonly created: boolean; readonly revision: number }> {
  try {
    return await goal.create(key, value);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint = /permission/i.test(detail) ? ` (may NATS user ${who} decide approvals?)` : '';
    throw new GoalViewsError(
      GOAL_VIEWS_ERROR_CODES.decisionNotRecorded,
      `could not record the decision of ${who} on goal ${goalId}: ${detail}${hint}`,
      { cause: error, retryable: !/permission/i.test(detail) },
    );
  }
}

/** Why a stored decision of `identity` at `revision` did not count, from a view read after it. Pure. */
function notCounted(goalId: string, view: ApprovalView, identity: string, revision: number): string {
  const { resolution } = view;
  if (resolution.status === 'decided')
    return `goal ${goalId} was already ${VERB[resolution.outcome]} by ${resolution.by}; the decision of ${identity} does not count`;
  if (resolution.status === 'expired')
    return `the approval of goal ${goalId} expired at ${resolution.at} before the decision of ${identity}; it does not count`;
  const ignored = view.ignored.find((entry) => entry.revision === revision);
  return `the decision of ${identity} on goal ${goalId} does not count: ${ignored?.reason ?? 'it was stored before the goal asked for approval'}`;
}

/**
 * Records one decision under `identity`: an approver identity (the CLI's NATS user: key `decision.<user>`) or a
 * subject a gateway vouches for (`{ vouchedBy, subject }`: key `decision.<gateway user>.<base64url(subject)>`,
 * see `decisionKeyOf`). Refuses with GoalViewsError `approval-not-pending` (its `details.resolution` says
 * `not-requested`, `decided` or `expired`) when the goal is not waiting, was already decided (saying by whom and
 * what) or expired, and `invalid-decision` for an identity or a decision (a rejection without a comment) that
 * does not match the contract, before writing anything. Shows `review` the request first; creates the key once
 * (a second decision under the same identity is refused); then reads every decision again and confirms this one
 * is the one that counts (the lowest revision after the request and before any expiry), else says who came first
 * (`approval-not-pending`). A failed write is `decision-not-recorded`. The swarm then publishes the audit event.
 */
export async function decideApproval(
  client: SwarmClient,
  goalId: string,
  decision: ApprovalDecisionInput,
  identity: DecisionIdentity,
  options: { readonly now?: Date; readonly review?: (request: ApprovalState) => Promise<void> | void } = {},
): Promise<RecordedApproval> {
  const key = keyOf(identity);
  const who = describeDecisionIdentity(identity);
  const now = options.now ?? new Date();
  const goal = await client.goal(goalId);
  const before = (await readApproval(goal)).resolution;
  const closed = closedReason(goalId, before, who, now);
  if (closed || before.status !== 'pending')
    throw notPending(closed ?? `goal ${goalId} takes no decision`, closedStatus(before));
  await options.review?.(before.request);

  const value: ApprovalDecision =
    decision.outcome === 'granted'
      ? {
          outcome: 'granted',
          ...(decision.comment ? { comment: decision.comment } : {}),
          at: now.toISOString(),
        }
      : { outcome: 'rejected', comment: decision.comment ?? '', at: now.toISOString() };
  const valid = ApprovalDecision.safeParse(value);
  if (!valid.success)
    throw invalid(
      `decision refused: ${valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const voucher = typeof identity === 'string' ? identity : identity.vouchedBy;
  const stored = await createDecision(goal, goalId, key, voucher, valid.data);
  const after = await readApproval(goal);
  const { resolution } = after;
  if (!stored.created)
    throw notPending(
      closedReason(goalId, resolution, who, now) ??
        `a decision of ${who} on goal ${goalId} is already stored and does not count; delete the key ${key} to decide again`,
      resolution.status,
    );
  if (resolution.status === 'decided' && resolution.revision === stored.revision)
    return {
      goalId,
      identity: who,
      outcome: decision.outcome,
      revision: stored.revision,
      request: resolution.request,
    };
  throw notPending(notCounted(goalId, after, who, stored.revision), resolution.status);
}
