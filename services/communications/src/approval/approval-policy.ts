import type { ApprovalState } from '@swarm/contracts';

/** What happens when nobody decides before the approval expires. */
export type ApprovalTimeoutPolicy = 'reject' | 'deliver';

/** What the report task does once the approval is decided. */
export type ApprovalVerdict = 'deliver' | 'rejected' | 'approval-expired';

/** A decision recorded on the goal's approval state. */
export type Decision = NonNullable<ApprovalState['decision']>;

/** Turns a decision into what happens next, under the timeout policy. Pure. */
export function approvalVerdict(decision: Decision, policy: ApprovalTimeoutPolicy): ApprovalVerdict {
  if (decision.outcome === 'granted') return 'deliver';
  if (decision.outcome === 'rejected') return 'rejected';
  return policy === 'deliver' ? 'deliver' : 'approval-expired';
}

/** The approval state to create when a report first asks for approval. Pure. */
export function requestApproval(now: Date, timeoutMs: number): ApprovalState {
  return { requestedAt: now.toISOString(), expiresAt: new Date(now.getTime() + timeoutMs).toISOString() };
}

/**
 * Sets the `expired` decision if the approval is past its deadline and still undecided; otherwise leaves the
 * state unchanged (`undefined`), so it fits a compare-and-set update. Pure.
 */
export function expireIfDue(state: ApprovalState | undefined, now: Date): ApprovalState | undefined {
  if (!state || state.decision) return undefined;
  if (now.getTime() < Date.parse(state.expiresAt)) return undefined;
  return {
    ...state,
    decision: { outcome: 'expired', by: 'swarm (approval timeout)', at: now.toISOString() },
  };
}
