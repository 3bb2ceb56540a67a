import type { ApprovalResolution, ApprovalState, ApprovalView } from '@swarm/contracts';
import { ApprovalDecision, ApproverIdentity, CONTEXT_KEYS, readApproval } from '@swarm/contracts';
import type { GoalContext, SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';

/** A decision on a goal waiting for approval, by an approver identity (see `approverIdentity`). */
export interface ApprovalDecisionInput {
  readonly outcome: 'granted' | 'rejected';
  /** The approver identity: the decision key's last token. */
  readonly by: string;
  readonly comment?: string;
}

/** The decision that counted: this one. */
export interface RecordedApproval {
  readonly goalId: string;
  readonly identity: string;
  readonly outcome: 'granted' | 'rejected';
  readonly revision: number;
  /** The request it answers (the report under review is `reportArtifact`). */
  readonly request: ApprovalState;
}

const VERB = { granted: 'approved', rejected: 'rejected' } as const;

const refused = (message: string) => new CliError(message, EXIT_CODES.usage);

/** Why a goal's approval takes no (further) decision, or undefined when it does. Pure. */
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

async function createDecision(
  goal: GoalContext,
  goalId: string,
  identity: string,
  value: ApprovalDecision,
): Promise<{ readonly created: boolean; readonly revision: number }> {
  try {
    return await goal.create(CONTEXT_KEYS.decision(identity), value);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint = /permission/i.test(detail) ? ` (may NATS user ${identity} decide approvals?)` : '';
    throw new CliError(
      `could not record the decision of ${identity} on goal ${goalId}: ${detail}${hint}`,
      EXIT_CODES.failure,
      { cause: error },
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
 * Records one approver's decision: refuses (CliError, exit 2) when the goal is not waiting, was already decided
 * (saying by whom and what) or expired; shows `review` the request first; creates the key
 * `<goal>.decision.<identity>` (once: a second decision of the same approver is refused); then reads every
 * decision again and confirms this one is the one that counts (the lowest revision after the request and
 * before any expiry), else says who came first (exit 2). The swarm then publishes the audit event.
 */
export async function decideApproval(
  client: SwarmClient,
  goalId: string,
  decision: ApprovalDecisionInput,
  options: { readonly now?: Date; readonly review?: (request: ApprovalState) => Promise<void> | void } = {},
): Promise<RecordedApproval> {
  const identity = decision.by;
  if (!ApproverIdentity.safeParse(identity).success)
    throw refused(`approver identity "${identity}" must be 1 to 64 letters, digits, "_" and "-"`);
  const now = options.now ?? new Date();
  const goal = await client.goal(goalId);
  const before = (await readApproval(goal)).resolution;
  const closed = closedReason(goalId, before, identity, now);
  if (closed || before.status !== 'pending') throw refused(closed ?? `goal ${goalId} takes no decision`);
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
    throw refused(
      `decision refused: ${valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const stored = await createDecision(goal, goalId, identity, valid.data);
  const after = await readApproval(goal);
  const { resolution } = after;
  if (!stored.created)
    throw refused(
      closedReason(goalId, resolution, identity, now) ??
        `a decision of ${identity} on goal ${goalId} is already stored and does not count; delete the key ${CONTEXT_KEYS.decision(identity)} to decide again`,
    );
  if (resolution.status === 'decided' && resolution.revision === stored.revision)
    return {
      goalId,
      identity,
      outcome: decision.outcome,
      revision: stored.revision,
      request: resolution.request,
    };
  throw refused(notCounted(goalId, after, identity, stored.revision));
}
