/** One pass/fail check a scenario makes beyond the headline counts (e.g. "every poison is in the DLQ"). */
export interface ScenarioCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * What one scenario run found. `lost` counts submitted goals that never reached `goal.completed` or
 * `goal.failed` before the scenario's deadline; `duplicatedDeliveries` counts webhook deliveries beyond the
 * first per goal, as the real receiver saw them.
 */
export interface ScenarioResult {
  /** Short id, e.g. `replica-kills`. */
  readonly name: string;
  /** The number for the scenario (1-7). */
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
  /** Webhook deliveries beyond the first per goal, as the receiver counted them. */
  readonly duplicatedDeliveries: number;
  /**
   * How many of those are the one repeat the design allows: a replica sent the report and died (or was cut
   * off) before recording the delivery, and all copies carry the same Idempotency-Key (see
   * `attributeDuplicate`).
   */
  readonly duplicatesInSendWindow: number;
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
 * `pass`: nothing lost, nothing delivered twice, every check held. `pass-known-limit`: the same, except for
 * duplicates that are all the documented send-then-record window (same idempotency key). `fail`: anything
 * else. Pure.
 */
export function scenarioVerdict(result: ScenarioResult): 'pass' | 'pass-known-limit' | 'fail' {
  const unexplained = result.duplicatedDeliveries - result.duplicatesInSendWindow;
  if (result.lost > 0 || unexplained > 0 || !result.checks.every((check) => check.ok)) return 'fail';
  return result.duplicatedDeliveries > 0 ? 'pass-known-limit' : 'pass';
}

/** True unless the verdict is `fail`. Pure. */
export function scenarioPassed(result: ScenarioResult): boolean {
  return scenarioVerdict(result) !== 'fail';
}

/** Deliveries beyond the first per goal, from per-goal delivery counts. Pure. */
export function duplicatedDeliveries(countsByGoal: ReadonlyMap<string, number>): number {
  let extra = 0;
  for (const count of countsByGoal.values()) extra += Math.max(0, count - 1);
  return extra;
}
