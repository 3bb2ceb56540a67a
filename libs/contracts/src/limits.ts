/**
 * Limits enforced by the schemas. Each is a named, documented setting of the contract: a client in another
 * language finds the same numbers in the generated JSON Schema files.
 */
export const LIMITS = {
  /** Longest goal text, in characters. */
  goalTextMaxChars: 2_000,
  /** Largest `topN` a goal may ask for. */
  topNMax: 25,
  /** Default `topN` when a goal does not say. */
  topNDefault: 5,
  /** Longest goal id, in characters; ids are subject tokens so they stay short. */
  goalIdMaxChars: 64,
  /** Longest message or task id, in characters. */
  idMaxChars: 200,
  /** Largest number of candidates a search may fan out into scrape tasks. */
  candidatesMax: 50,
  /** Longest free-text comment on an approval decision. */
  commentMaxChars: 2_000,
  /** Longest approver identity (the approver's NATS user name, the last token of its decision key). */
  approverIdentityMaxChars: 64,
  /**
   * Longest subject a gateway may vouch for on a decision (`decision.<gateway user>.<base64url(subject)>`): the
   * OpenID Connect `sub` (or token name) of the human who decided through the gateway.
   */
  vouchedSubjectMaxChars: 128,
  /** Longest `by` of an approval event: a vouched subject, ` via `, and the vouching user. */
  approvalByMaxChars: 256,
} as const;
