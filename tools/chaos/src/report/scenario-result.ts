/** One pass/fail check a scenario makes beyond the headline counts (e.g. "every poison is in the DLQ"). */
export interface ScenarioCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * What one scenario run found. `lost` counts submitted goals that never reached `goal.completed` or
 * `goal.failed` before the scenario's deadline. `duplicatedDeliveries` counts reports that took effect more
 * than once at the real receiver; `resends` counts the copies it acknowledged without applying (their
 * Idempotency-Key had already been applied).
 */
export interface ScenarioResult {
  /** Short id, e.g. `replica-kills`. */
  readonly name: string;
  /** The scenario's number (1-7 from the chaos issue, 8 from issue 15, 9 from issue 12). */
  readonly number: number;
  /** Human title with the size it ran at. */
  readonly title: string;
  /** Goals the bus acknowledged (PubAck) as submitted. */
  readonly submitted: number;
  /** Goals that reached `goal.completed`. */
  readonly completed: number;
  /** Goals that reached `goal.failed` (ended, so not lost, but not a success either). */
  readonly failed: number;
  /** Submitted goals with neither `goal.completed` nor `goal.failed` by the deadline. */
  readonly lost: number;
  /**
   * Reports applied beyond the first per goal at the receiver: a second Idempotency-Key for one goal, or a
   * repeat of a key that carried a different report. Either is a side effect doubled.
   */
  readonly duplicatedDeliveries: number;
  /** Copies of an already applied report (same Idempotency-Key, same report): sent again, applied once. */
  readonly resends: number;
  /**
   * How many resends the design explains: the replica that sent the first copy was killed or cut off, or NATS
   * was unavailable, between its send and its delivery record (see `attributeResend`). Any other is a defect.
   */
  readonly resendsExplained: number;
  /** Dead-letter records written during the scenario. */
  readonly deadLettered: number;
  /** Seconds from the end of the fault until goals completed again (scenario-specific; see its notes). */
  readonly recoverySeconds?: number;
  /** Wall time of the scenario, set-up and tear-down excluded. */
  readonly durationSeconds: number;
  /** Scenario-specific figures (throughput, RSS, redeliveries ...). */
  readonly figures: Readonly<Record<string, number | string>>;
  readonly checks: readonly ScenarioCheck[];
  readonly notes: readonly string[];
}

/**
 * `pass`: nothing lost, no side effect doubled, every resend explained by a fault in the send-then-record
 * window, and every check held. `fail`: anything else. Pure.
 */
export function scenarioVerdict(result: ScenarioResult): 'pass' | 'fail' {
  const ok =
    result.lost === 0 &&
    result.duplicatedDeliveries === 0 &&
    result.resends === result.resendsExplained &&
    result.checks.every((check) => check.ok);
  return ok ? 'pass' : 'fail';
}

/** True unless the verdict is `fail`. Pure. */
export function scenarioPassed(result: ScenarioResult): boolean {
  return scenarioVerdict(result) !== 'fail';
}

/** How the receiver's deliveries count: side effects doubled, and resends absorbed by their key. Pure. */
export function countDeliveries(tally: {
  readonly appliedByGoal: ReadonlyMap<string, number>;
  readonly deliveries: readonly { readonly repeat: boolean; readonly conflicting: boolean }[];
}): { readonly duplicated: number; readonly resends: number } {
  let duplicated = 0;
  for (const applied of tally.appliedByGoal.values()) duplicated += Math.max(0, applied - 1);
  let resends = 0;
  for (const delivery of tally.deliveries) {
    if (delivery.conflicting) duplicated += 1;
    else if (delivery.repeat) resends += 1;
  }
  return { duplicated, resends };
}
