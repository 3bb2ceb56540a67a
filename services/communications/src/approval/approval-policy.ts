import type { ApprovalResolution, ApprovalState } from '@swarm/contracts';
import type { ReportApproval } from '../domain/index.js';

/** What happens when nobody decides before the approval expires. */
export type ApprovalTimeoutPolicy = 'reject' | 'deliver';

/** What the report task does once the approval is closed. */
export type ApprovalVerdict = 'deliver' | 'rejected' | 'approval-expired';

/** How a goal's approval ended: the one decision that counted, or the expiry. */
export type ClosedApproval = Extract<ApprovalResolution, { readonly status: 'decided' | 'expired' }>;

/** Who the report names as closing an approval nobody decided. */
export const APPROVAL_TIMEOUT_ACTOR = 'swarm (approval timeout)';

/** Turns a closed approval into what happens next, under the timeout policy. Pure. */
export function approvalVerdict(closed: ClosedApproval, policy: ApprovalTimeoutPolicy): ApprovalVerdict {
  if (closed.status === 'expired') return policy === 'deliver' ? 'deliver' : 'approval-expired';
  return closed.outcome === 'granted' ? 'deliver' : 'rejected';
}

/** What the report says about a closed approval. Pure. */
export function reportApproval(closed: ClosedApproval): ReportApproval {
  if (closed.status === 'expired') return { outcome: 'expired', by: APPROVAL_TIMEOUT_ACTOR };
  return { outcome: closed.outcome, by: closed.by, ...(closed.comment ? { comment: closed.comment } : {}) };
}

/** The approval request to create when a report first asks for approval. Pure. */
export function requestApproval(now: Date, timeoutMs: number, reportArtifact: string): ApprovalState {
  return {
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + timeoutMs).toISOString(),
    reportArtifact,
  };
}

/**
 * The expiry mark for a request past its deadline and not marked yet, naming the request's revision (decisions
 * stored before it do not count); otherwise `undefined` (leave it unchanged), so it fits a compare-and-set
 * update. Whether a decision came first is not its business: decisions stored before the mark count. Pure.
 */
export function expireIfDue(
  state: ApprovalState | undefined,
  now: Date,
  requestRevision: number,
): ApprovalState | undefined {
  if (!state || state.expired) return undefined;
  if (now.getTime() < Date.parse(state.expiresAt)) return undefined;
  return { ...state, expired: { at: now.toISOString(), requestRevision } };
}
