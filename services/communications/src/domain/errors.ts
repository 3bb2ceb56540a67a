import { TaskError } from '@swarm/transport/errors';

/** Stable codes of the errors the communications agent raises. */
export const COMMUNICATIONS_ERROR_CODES = {
  /** The webhook answered 4xx (other than 408/425/429) or a redirect: resending the same request cannot help. */
  webhookRejected: 'webhook-rejected',
  /** The webhook answered 5xx, 408, 425 or 429, timed out, or could not be reached. */
  webhookUnavailable: 'webhook-unavailable',
  /** The SMTP server refused the message with a permanent (5xx) reply, or the message itself is unusable. */
  emailRejected: 'email-rejected',
  /**
   * The SMTP server offers no TLS and the sink holds credentials: it does not send them in clear (unless
   * `SMTP_ALLOW_INSECURE_AUTH` says so). A setting must change, so it is permanent.
   */
  emailInsecure: 'email-insecure',
  /** The SMTP server could not be reached, timed out, or answered with a transient (4xx) reply. */
  emailUnavailable: 'email-unavailable',
  /** The report directory could not be written. */
  fileUnavailable: 'file-unavailable',
  /** A goal asked for a sink this deployment does not enable. */
  unknownSink: 'unknown-sink',
  /** A goal id that cannot name a file (the contract forbids it; checked again before touching the disk). */
  invalidGoalId: 'invalid-goal-id',
  /** The approval request a waiting report reads is gone from the goal context (only communications writes it). */
  approvalMissing: 'approval-missing',
} as const;
/** A stable communications error code. */
export type CommunicationsErrorCode =
  (typeof COMMUNICATIONS_ERROR_CODES)[keyof typeof COMMUNICATIONS_ERROR_CODES];

/** A failure retrying cannot fix, with its stable code. */
export function permanentFailure(code: CommunicationsErrorCode, message: string, cause?: unknown): TaskError {
  return TaskError.permanent(code, message, cause);
}

/** A transient failure the transport retries with backoff, with its stable code. */
export function transientFailure(code: CommunicationsErrorCode, message: string, cause?: unknown): TaskError {
  return TaskError.retryable(code, message, cause);
}
