import { z } from 'zod';
import { ApproverIdentity, CONTEXT_KEYS } from './artifacts.js';
import { LIMITS } from './limits.js';

/**
 * A human a gateway vouches for: the subject it authenticated (an OpenID Connect `sub`, or a static API token's
 * name). 1 to `LIMITS.vouchedSubjectMaxChars` characters, no control characters.
 */
export const VouchedSubject = z
  .string()
  .min(1)
  .max(LIMITS.vouchedSubjectMaxChars)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must have no control characters');

/**
 * Who a decision is recorded under:
 * - an approver identity (a NATS user deciding for itself: key `decision.<user>`), or
 * - a subject vouched for by a gateway's NATS user (key `decision.<gateway user>.<base64url(subject)>`). Under
 *   the shipped permissions only that gateway user writes keys below `decision.<its user>.`, so the bus knows
 *   which gateway authenticated the human, and the key names the human.
 */
export type DecisionIdentity =
  ApproverIdentity | { readonly vouchedBy: ApproverIdentity; readonly subject: string };

/**
 * The goal-context key (below `<goalId>.`) a decision of `identity` is stored under. Pure.
 * @throws ZodError when the identity or the vouched subject is invalid.
 */
export function decisionKeyOf(identity: DecisionIdentity): string {
  if (typeof identity === 'string') return CONTEXT_KEYS.decision(ApproverIdentity.parse(identity));
  const voucher = ApproverIdentity.parse(identity.vouchedBy);
  const subject = Buffer.from(VouchedSubject.parse(identity.subject), 'utf8').toString('base64url');
  return CONTEXT_KEYS.decision(`${voucher}.${subject}`);
}

/** How a decision's identity reads in the audit trail (`by` of the approval event). Pure. */
export function describeDecisionIdentity(identity: DecisionIdentity): string {
  return typeof identity === 'string' ? identity : `${identity.subject} via ${identity.vouchedBy}`;
}

/**
 * The identity a decision key names (the part after `decision.`): one approver token, or a gateway user and the
 * base64url of the subject it vouches for. An error message when the key names neither. Pure.
 */
export function decisionIdentityOfKey(
  rest: string,
):
  | { readonly ok: true; readonly identity: DecisionIdentity }
  | { readonly ok: false; readonly reason: string } {
  const tokens = rest.split('.');
  const voucher = ApproverIdentity.safeParse(tokens[0]);
  if (!voucher.success || tokens.length > 2)
    return { ok: false, reason: 'does not end in one approver identity or a vouched subject' };
  if (tokens.length === 1) return { ok: true, identity: voucher.data };
  const encoded = tokens[1] ?? '';
  const decoded = /^[A-Za-z0-9_-]+$/.test(encoded) ? Buffer.from(encoded, 'base64url').toString('utf8') : '';
  const subject = VouchedSubject.safeParse(decoded);
  if (!subject.success || Buffer.from(subject.data, 'utf8').toString('base64url') !== encoded)
    return { ok: false, reason: `vouched subject "${encoded}" is no base64url of a subject` };
  return { ok: true, identity: { vouchedBy: voucher.data, subject: subject.data } };
}
