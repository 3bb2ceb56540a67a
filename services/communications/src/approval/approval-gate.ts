import type { ApprovalGranted, ApprovalRejected, ApprovalRequested } from '@swarm/contracts';
import { ApprovalState, CONTEXT_KEYS, messageIds, readApproval, SUBJECTS } from '@swarm/contracts';
import type { TaskContext } from '@swarm/transport';
import { TaskError } from '@swarm/transport';
import { COMMUNICATIONS_ERROR_CODES, permanentFailure } from '../domain/errors.js';
import { abortableSleep } from './abortable-sleep.js';
import type { ClosedApproval } from './approval-policy.js';
import { expireIfDue, requestApproval } from './approval-policy.js';

/** How the gate waits: the deadline from the first request, and how often it looks for a decision. */
export interface ApprovalGateSettings {
  readonly timeoutMs: number;
  readonly pollMs: number;
}

type Decided = Extract<ClosedApproval, { readonly status: 'decided' }>;

/**
 * Pauses a report task until an approver decides or the approval expires. Communications alone writes the
 * request (`approval`, created once, so a redelivered task keeps the first deadline); approvers write their own
 * keys (`decision.<identity>`, created once), and `readApproval` picks the one that counts: the lowest revision,
 * stored after the request and before the expiry mark. At the deadline the gate records the mark, then reads
 * again, so a decision stored before the mark still counts. For a decision it publishes the audit event
 * (`approval.granted|rejected`, `by` = the identity from the key) under one message id per goal. The task's
 * claim stays alive through the transport's heartbeats meanwhile.
 * @throws TaskError `shutting-down` (retryable) when the agent stops; `approval-missing` when the request vanished.
 */
export async function awaitApproval(
  ctx: TaskContext,
  request: { readonly reportArtifact: string; readonly summary: string },
  settings: ApprovalGateSettings,
): Promise<ClosedApproval> {
  const created = await ctx.goal.create(
    CONTEXT_KEYS.approval,
    requestApproval(new Date(), settings.timeoutMs, request.reportArtifact),
  );
  const state = ApprovalState.parse(created.value);
  const requested: ApprovalRequested = {
    type: 'approval.requested',
    ...ctx.envelope({ messageId: messageIds.approvalRequested(ctx.goalId), taskId: ctx.taskId }),
    reportArtifact: state.reportArtifact,
    summary: request.summary.slice(0, 4_000),
    expiresAt: state.expiresAt,
  };
  await ctx.publish({ subject: SUBJECTS.event(ctx.goalId, 'approval.requested'), message: requested });
  for (;;) {
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
    if (ctx.signal.aborted)
      throw TaskError.retryable('shutting-down', `approval wait of ${ctx.goalId} interrupted by shutdown`);
    await abortableSleep(settings.pollMs, ctx.signal);
  }
}

/** The audit record of the decision that counted: one message id per goal, so a repeat is the same event. */
async function publishDecision(ctx: TaskContext, decided: Decided): Promise<void> {
  const envelope = {
    ...ctx.envelope({ messageId: messageIds.approvalDecided(ctx.goalId), taskId: ctx.taskId }),
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
