import { createHash } from 'node:crypto';
import type { GoalSpecInput } from './goal.js';

/**
 * Deterministic message ids. Each doubles as the `Nats-Msg-Id`, so a redelivered handler that publishes again
 * is de-duplicated by the stream instead of creating a second task or event downstream.
 */
export const messageIds = {
  /** A goal submission: the same goal id with the same content is one goal; other content is a conflict. */
  goalSubmitted: (goalId: string, fingerprint: string) => `${goalId}/submitted/${fingerprint}`,
  searchTask: (goalId: string) => `${goalId}/search`,
  scrapeTask: (goalId: string, candidateIndex: number) => `${goalId}/scrape/${candidateIndex}`,
  rankTask: (goalId: string) => `${goalId}/rank`,
  reportTask: (goalId: string) => `${goalId}/report`,
  /**
   * A report task communications publishes to resume a goal parked for approval, once per trigger (`expiry`,
   * or the revision of the decision key that woke it): replicas that see the same trigger publish one task.
   */
  reportResume: (goalId: string, trigger: string) => `${goalId}/report.resume/${trigger}`,
  claimed: (taskId: string, deliveryCount: number) => `${taskId}/claimed/${deliveryCount}`,
  failed: (taskId: string, deliveryCount: number) => `${taskId}/failed/${deliveryCount}`,
  completed: (taskId: string) => `${taskId}/completed`,
  progress: (taskId: string, deliveryCount: number, step: number) =>
    `${taskId}/progress/${deliveryCount}/${step}`,
  deadLetter: (stream: string, streamSequence: number) => `dlq/${stream}/${streamSequence}`,
  approvalRequested: (goalId: string) => `${goalId}/approval.requested`,
  approvalDecided: (goalId: string) => `${goalId}/approval.decided`,
  goalCompleted: (goalId: string) => `${goalId}/goal.completed`,
  goalFailed: (goalId: string) => `${goalId}/goal.failed`,
  /** The `n`th exhaustion of a goal's budget (`exhaustionNumber`): racing replicas that saw it share the id. */
  budgetExhausted: (goalId: string, exhaustion: number) => `${goalId}/budget.exhausted/${exhaustion}`,
  /** The `n`th addition to a goal's budget (1 for the first). */
  budgetAdded: (goalId: string, addition: number) => `${goalId}/budget.added/${addition}`,
} as const;

/** Canonical JSON: object keys sorted, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short content fingerprint of a goal spec (16 hex digits of SHA-256 over canonical JSON). */
export function goalFingerprint(spec: GoalSpecInput): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex').slice(0, 16);
}
