import type { ApprovalGranted, ApprovalRejected, ApprovalRequested } from '@swarm/contracts';
import { ApprovalState, CONTEXT_KEYS, messageIds, readApproval, SUBJECTS } from '@swarm/contracts';
import type { TaskContext } from '@swarm/transport';
import { COMMUNICATIONS_ERROR_CODES, permanentFailure } from '../domain/errors.js';
import type { ClosedApproval } from './approval-policy.js';
import { expireIfDue, requestApproval } from './approval-policy.js';

/** The gate's settings: the deadline, counted from the first request. */
export interface ApprovalGateSettings {
  readonly timeoutMs: number;
}

type Decided = Extract<ClosedApproval, { readonly status: 'decided' }>;

/** Where a report's approval stands after one look: closed, or still open until `expiresAt` (parked). */
export type ApprovalStanding = ClosedApproval | { readonly status: 'pending'; readonly expiresAt: string };

/**
 * Looks once at a report's approval, never waiting. Communications alone writes the request (`approval`, created
 * once, so a redelivered or resumed task keeps the first deadline) and, when `announce` is set or this call
 * created it, publishes `approval.requested` (one message id per goal). Approvers write their own keys
 * (`decision.<identity>`, created once), and `readApproval` picks the one that counts: the lowest revision,
 * stored after the request and before the expiry mark. Past the deadline it records the mark, then reads again,
 * so a decision stored before the mark still counts. For a decision it publishes the audit event
 * (`approval.granted|rejected`, `by` = the identity from the key) under one message id per goal. `pending`
 * means nobody decided yet: the caller parks the goal (its task ends) and a resume task comes back later.
 * @throws TaskError `approval-missing` (permanent) when the request vanished.
 */
export async function lookAtApproval(
  ctx: TaskContext,
  request: { readonly reportArtifact: string; readonly summary: string },
  settings: ApprovalGateSettings,
  announce: boolean,
): Promise<ApprovalStanding> {
  const created = await ctx.goal.create(
    CONTEXT_KEYS.approval,
    requestApproval(new Date(), settings.timeoutMs, request.reportArtifact),
  );
  const state = ApprovalState.parse(created.value);
  if (announce || created.created) {
    const requested: ApprovalRequested = {
      type: 'approval.requested',
      ...ctx.envelope({ messageId: messageIds.approvalRequested(ctx.goalId), taskId: ctx.taskId }),
      reportArtifact: state.reportArtifact,
      summary: request.summary.slice(0, 4_000),
      expiresAt: state.expiresAt,
    };
    await ctx.publish({ subject: SUBJECTS.event(ctx.goalId, 'approval.requested'), message: requested });
  }
  let { resolution } = await readApproval(ctx.goal);
  if (resolution.status === 'pending' && Date.now() >= Date.parse(resolution.request.expiresAt)) {
    const { requestRevision } = resolution;
    await ctx.goal.update<ApprovalState>(CONTEXT_KEYS.approval, (current) =>
      expireIfDue(current && ApprovalState.parse(current), new Date(), requestRevision),
    );
    ({ resolution } = await readApproval(ctx.goal));
  }
  if (resolution.status === 'decided') {
    await publishDecision(ctx, resolution);
    return resolution;
  }
  if (resolution.status === 'expired') return resolution;
  if (resolution.status === 'not-requested')
    throw permanentFailure(
      COMMUNICATIONS_ERROR_CODES.approvalMissing,
      `the approval request of ${ctx.goalId} vanished from the goal context`,
    );
  return { status: 'pending', expiresAt: resolution.request.expiresAt };
}

/**
 * The audit record of the decision that counted: one message id per goal, so a repeat is the same event. It is
 * about the goal's report task (`<goal>/report`) whichever task resumed the parked goal.
 */
async function publishDecision(ctx: TaskContext, decided: Decided): Promise<void> {
  const envelope = {
    ...ctx.envelope({
      messageId: messageIds.approvalDecided(ctx.goalId),
      taskId: messageIds.reportTask(ctx.goalId),
    }),
    causationId: messageIds.approvalRequested(ctx.goalId),
  };
  const message: ApprovalGranted | ApprovalRejected =
    decided.outcome === 'granted'
      ? {
          type: 'approval.granted',
          ...envelope,
          by: decided.by,
          ...(decided.comment ? { comment: decided.comment } : {}),
        }
      : { type: 'approval.rejected', ...envelope, by: decided.by, comment: decided.comment ?? '' };
  await ctx.publish({ subject: SUBJECTS.event(ctx.goalId, message.type), message });
}
