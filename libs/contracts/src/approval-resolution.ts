import { ApprovalDecision, ApprovalState, CONTEXT_KEYS } from './artifacts.js';
import { decisionIdentityOfKey, describeDecisionIdentity } from './decision-identity.js';

/** A goal-context value with its KV revision (the sequence of the KV stream message that stored it). */
export interface RevisionedValue<T> {
  readonly value: T;
  readonly revision: number;
}

/** A goal-context entry as listed under a prefix: its key (without the `<goalId>.`), value and revision. */
export interface ListedValue extends RevisionedValue<unknown> {
  readonly key: string;
}

/**
 * One approver's decision as stored: who (from the key: an approver's user, or `<subject> via <gateway user>`),
 * what, and its KV revision.
 */
export interface RecordedDecision {
  readonly identity: string;
  readonly decision: ApprovalDecision;
  readonly revision: number;
}

/** A decision key that is no decision: its key or value does not match the contract. It never counts. */
export interface IgnoredDecision {
  readonly key: string;
  readonly revision: number;
  readonly reason: string;
}

/**
 * Where a goal's approval stands. Every reader that sees the same keys gets the same answer.
 * - `not-requested`: no approval request (the goal does not wait for one, or not yet).
 * - `pending`: requested, no decision counts yet, not marked expired (the deadline may have passed: the
 *   communications agent marks it).
 * - `decided`: the decision with the lowest revision among those that count.
 * - `expired`: marked expired with no decision before the mark.
 */
export type ApprovalResolution =
  | { readonly status: 'not-requested' }
  | { readonly status: 'pending'; readonly request: ApprovalState; readonly requestRevision: number }
  | {
      readonly status: 'decided';
      readonly request: ApprovalState;
      readonly outcome: ApprovalDecision['outcome'];
      readonly by: string;
      readonly comment?: string;
      readonly at: string;
      readonly revision: number;
    }
  | { readonly status: 'expired'; readonly request: ApprovalState; readonly at: string };

/**
 * Splits the entries listed under `decision.` into decisions (identity from the key (`decisionIdentityOfKey`), value parsed as
 * ApprovalDecision, unknown fields dropped) and the entries that are no decision. Pure.
 */
export function parseDecisionEntries(entries: readonly ListedValue[]): {
  readonly decisions: RecordedDecision[];
  readonly ignored: IgnoredDecision[];
} {
  const decisions: RecordedDecision[] = [];
  const ignored: IgnoredDecision[] = [];
  for (const { key, value, revision } of entries) {
    const named = key.startsWith(CONTEXT_KEYS.decisionPrefix)
      ? decisionIdentityOfKey(key.slice(CONTEXT_KEYS.decisionPrefix.length))
      : ({ ok: false, reason: 'is no decision key' } as const);
    if (!named.ok) {
      ignored.push({ key, revision, reason: `key "${key}" ${named.reason}` });
      continue;
    }
    const decision = ApprovalDecision.safeParse(value);
    if (!decision.success) {
      const issues = decision.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`);
      ignored.push({ key, revision, reason: `value is no approval decision (${issues.join('; ')})` });
      continue;
    }
    decisions.push({ identity: describeDecisionIdentity(named.identity), decision: decision.data, revision });
  }
  return { decisions, ignored };
}

/**
 * The one outcome of a goal's approval. KV revisions are the KV stream's sequence, one total order every
 * reader agrees on, so: a decision counts when it was stored after the request and before any expiry mark; the
 * counted decision with the LOWEST revision wins, whoever wrote it and whatever came later. A request marked
 * expired with no counted decision is expired. Pure.
 */
export function resolveApproval(
  approval: RevisionedValue<ApprovalState> | undefined,
  decisions: readonly RecordedDecision[],
): ApprovalResolution {
  if (!approval) return { status: 'not-requested' };
  const request = approval.value;
  // The request is written once and marked once: unmarked, its revision is the request's own.
  const requestRevision = request.expired?.requestRevision ?? approval.revision;
  const expiryRevision = request.expired ? approval.revision : Number.POSITIVE_INFINITY;
  const counted = decisions
    .filter((d) => d.revision > requestRevision && d.revision < expiryRevision)
    .sort((a, b) => a.revision - b.revision);
  const winner = counted[0];
  if (winner)
    return {
      status: 'decided',
      request,
      outcome: winner.decision.outcome,
      by: winner.identity,
      ...(winner.decision.comment ? { comment: winner.decision.comment } : {}),
      at: winner.decision.at,
      revision: winner.revision,
    };
  if (request.expired) return { status: 'expired', request, at: request.expired.at };
  return { status: 'pending', request, requestRevision };
}

/** What `readApproval` needs of a goal's context (the transport's GoalContext fits): a read and a prefix listing. */
export interface ApprovalReader {
  get(key: string): Promise<RevisionedValue<unknown> | undefined>;
  list(prefix: string): Promise<readonly ListedValue[]>;
}

/** A consistent read of a goal's approval: the request and every decision key, resolved. */
export interface ApprovalView {
  readonly resolution: ApprovalResolution;
  /** Decision keys that are no decision (bad key or value), which never count. */
  readonly ignored: readonly IgnoredDecision[];
}

/**
 * Reads the approval request and lists the decisions, then reads the request again: when it changed meanwhile
 * (the expiry was marked), it reads once more, so the decisions it resolves were listed under the request state
 * it resolves them against. Every reader (communications, the CLI, any client following the same steps) gets
 * the same outcome. Throws the zod error when the request is not an ApprovalState, and what the reader throws.
 */
export async function readApproval(reader: ApprovalReader): Promise<ApprovalView> {
  // The request is written at most twice (created, then marked), so this reads it at most three times.
  for (;;) {
    const before = await reader.get(CONTEXT_KEYS.approval);
    const entries = await reader.list(CONTEXT_KEYS.decisionPrefix);
    const after = await reader.get(CONTEXT_KEYS.approval);
    if (before?.revision !== after?.revision) continue;
    const { decisions, ignored } = parseDecisionEntries(entries);
    const approval = after
      ? { value: ApprovalState.parse(after.value), revision: after.revision }
      : undefined;
    return { resolution: resolveApproval(approval, decisions), ignored };
  }
}
