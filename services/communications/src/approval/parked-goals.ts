import { ApprovalState, CONTEXT_KEYS, QUEUES } from '@swarm/contracts';
import type { ResumeTrigger } from './resume-task.js';

/** One change of a goal-context key, as far as the index needs it (the transport's GoalKeyChange fits). */
export interface KeyChange {
  readonly goalId: string;
  readonly key: string;
  readonly revision: number;
  readonly operation: 'PUT' | 'DEL' | 'PURGE';
  readonly value: unknown;
}

/** A goal to resume and why. */
export interface ResumeCall {
  readonly goalId: string;
  readonly trigger: ResumeTrigger;
}

interface Parked {
  readonly expiresAt: number;
  /** The newest decision key seen and not resumed yet. */
  decisionRevision?: number;
  /** When the last expiry resume was published (it is published again every retry interval). */
  expiryResumedAt?: number;
}

/** The keys the index follows: every goal's approval request, decision keys and the report's end record. */
export const PARKED_GOAL_KEYS: readonly string[] = [
  `*.${CONTEXT_KEYS.approval}`,
  `*.${CONTEXT_KEYS.decisionPrefix}>`,
  `*.${CONTEXT_KEYS.end(QUEUES.report.name)}`,
];

/**
 * The goals parked for approval, built from the goal-context keys alone: a goal is open from its `approval`
 * request until its report's end record (`end.report`), so an index rebuilt from the keys' current values after a
 * restart holds every parked goal. Open goals only are kept (a few numbers each). Pure (no I/O, no clock).
 */
export class ParkedGoals {
  private readonly open = new Map<string, Parked>();

  /** How many goals are open (parked, or being resumed). */
  get size(): number {
    return this.open.size;
  }

  /** Takes in one key change, in revision order. */
  apply(change: KeyChange): void {
    const { goalId, key, operation } = change;
    if (key === CONTEXT_KEYS.end(QUEUES.report.name)) {
      if (operation === 'PUT') this.open.delete(goalId);
      return;
    }
    if (key === CONTEXT_KEYS.approval) {
      const request = ApprovalState.safeParse(change.value);
      if (operation !== 'PUT' || !request.success) {
        this.open.delete(goalId);
        return;
      }
      const known = this.open.get(goalId);
      this.open.set(goalId, { ...known, expiresAt: Date.parse(request.data.expiresAt) });
      return;
    }
    // A decision counts only after the request, which the watch delivers first: decisions of goals not open
    // (ended, or never asked) are ignored.
    const parked = this.open.get(goalId);
    if (parked && operation === 'PUT' && key.startsWith(CONTEXT_KEYS.decisionPrefix))
      parked.decisionRevision = Math.max(parked.decisionRevision ?? 0, change.revision);
  }

  /** The resumes due for decisions seen since the last call; each is handed out once. */
  takeDecided(): ResumeCall[] {
    const calls: ResumeCall[] = [];
    for (const [goalId, parked] of this.open) {
      if (parked.decisionRevision === undefined) continue;
      calls.push({ goalId, trigger: { kind: 'decision', revision: parked.decisionRevision } });
      delete parked.decisionRevision;
    }
    return calls;
  }

  /**
   * Every resume due at `now`: the decided ones (`takeDecided`) and each open goal past its deadline whose
   * expiry resume was not published within `retryMs` (a resume that got lost, or a goal still open, is sent
   * again).
   */
  due(now: number, retryMs: number): ResumeCall[] {
    const calls = this.takeDecided();
    for (const [goalId, parked] of this.open) {
      if (now < parked.expiresAt) continue;
      if (parked.expiryResumedAt !== undefined && now - parked.expiryResumedAt < retryMs) continue;
      parked.expiryResumedAt = now;
      calls.push({ goalId, trigger: { kind: 'expiry' } });
    }
    return calls;
  }

  /** Hands a resume back when it could not be published, so the next sweep tries again. */
  retry(call: ResumeCall): void {
    const parked = this.open.get(call.goalId);
    if (!parked) return;
    if (call.trigger.kind === 'expiry') delete parked.expiryResumedAt;
    else parked.decisionRevision = Math.max(parked.decisionRevision ?? 0, call.trigger.revision);
  }
}
