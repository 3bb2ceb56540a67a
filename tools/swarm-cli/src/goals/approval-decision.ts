import type { ApprovalGranted, ApprovalRejected } from '@swarm/contracts';
import { ApprovalState, CONTEXT_KEYS, messageIds, SCHEMA_VERSION } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';

/** A human decision on a goal waiting for approval. */
export interface ApprovalDecision {
  readonly outcome: 'granted' | 'rejected';
  readonly by: string;
  readonly comment?: string;
}

/**
 * Records a decision once (compare-and-set on the goal's approval state, so approve and reject racing resolve to
 * one), then publishes `approval.granted` or `approval.rejected` for the audit trail. Throws CliError when the
 * goal is not waiting for approval or was already decided.
 */
export async function decideApproval(
  client: SwarmClient,
  goalId: string,
  decision: ApprovalDecision,
  now = new Date(),
): Promise<void> {
  const goal = await client.goal(goalId);
  const result = await goal.update<ApprovalState>(CONTEXT_KEYS.approval, (current) => {
    if (!current) return undefined;
    const state = ApprovalState.parse(current);
    if (state.decision) return undefined;
    return { ...state, decision: { ...decision, at: now.toISOString() } };
  });
  if (!result.changed) {
    if (!result.value) throw new CliError(`goal ${goalId} is not waiting for approval`, EXIT_CODES.usage);
    throw new CliError(
      `goal ${goalId} was already ${result.value.decision?.outcome ?? 'decided'}`,
      EXIT_CODES.usage,
    );
  }
  const envelope = {
    schemaVersion: SCHEMA_VERSION,
    messageId: messageIds.approvalDecided(goalId),
    goalId,
    taskId: messageIds.reportTask(goalId),
    causationId: messageIds.approvalRequested(goalId),
    attempt: 1,
    timestamp: now.toISOString(),
  };
  const message: ApprovalGranted | ApprovalRejected =
    decision.outcome === 'granted'
      ? {
          type: 'approval.granted',
          ...envelope,
          by: decision.by,
          ...(decision.comment ? { comment: decision.comment } : {}),
        }
      : { type: 'approval.rejected', ...envelope, by: decision.by, comment: decision.comment ?? '' };
  await client.publish({ subject: client.topology.eventSubject(goalId, message.type), message });
}
