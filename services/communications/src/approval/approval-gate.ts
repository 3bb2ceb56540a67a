import type { ApprovalRequested } from '@swarm/contracts';
import { ApprovalState, CONTEXT_KEYS, messageIds, SUBJECTS } from '@swarm/contracts';
import type { TaskContext } from '@swarm/transport';
import { TaskError } from '@swarm/transport';
import type { Decision } from './approval-policy.js';
import { expireIfDue, requestApproval } from './approval-policy.js';

/** How the gate waits: the deadline from the first request, and how often it looks for a decision. */
export interface ApprovalGateSettings {
  readonly timeoutMs: number;
  readonly pollMs: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Pauses a report task until a human decides or the approval expires. The approval state lives in the goal's
 * context (created once, so a redelivered task keeps the original deadline); `swarm approve|reject` sets the
 * decision by compare-and-set; the task's claim stays alive through the transport's heartbeats meanwhile.
 */
export async function awaitApproval(
  ctx: TaskContext,
  request: { readonly reportArtifact: string; readonly summary: string },
  settings: ApprovalGateSettings,
): Promise<Decision> {
  const created = await ctx.goal.create(
    CONTEXT_KEYS.approval,
    requestApproval(new Date(), settings.timeoutMs),
  );
  const requested: ApprovalRequested = {
    type: 'approval.requested',
    ...ctx.envelope({ messageId: messageIds.approvalRequested(ctx.goalId) }),
    reportArtifact: request.reportArtifact,
    summary: request.summary.slice(0, 4_000),
    expiresAt: ApprovalState.parse(created.value).expiresAt,
  };
  await ctx.publish({ subject: SUBJECTS.event(ctx.goalId, 'approval.requested'), message: requested });
  for (;;) {
    // Reads the state and, once the deadline has passed, sets `expired` unless a human decided first.
    const current = await ctx.goal.update<ApprovalState>(CONTEXT_KEYS.approval, (state) =>
      expireIfDue(state, new Date()),
    );
    if (current.value?.decision) return ApprovalState.parse(current.value).decision as Decision;
    if (ctx.signal.aborted)
      throw TaskError.retryable('shutting-down', `approval wait of ${ctx.goalId} interrupted by shutdown`);
    await sleep(settings.pollMs, ctx.signal);
  }
}
