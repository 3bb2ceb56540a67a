/** Stable codes of the errors this lib raises or classifies. */
export const TRANSPORT_ERROR_CODES = {
  notJson: 'not-json',
  invalidPayload: 'invalid-payload',
  retriesExhausted: 'retries-exhausted',
  maxDeliveriesExceeded: 'max-deliveries-exceeded',
  unexpected: 'unexpected-error',
  topologyConflict: 'topology-conflict',
  notConnected: 'not-connected',
  casConflict: 'cas-conflict',
  invalidSettings: 'invalid-settings',
  unknownQueue: 'unknown-queue',
  unknownArtifact: 'unknown-artifact',
  artifactNotStored: 'artifact-not-stored',
  swarmFull: 'swarm-full',
  /** A message consumed from a subject that names a goal whose payload names another goal (forged or misrouted). */
  subjectGoalMismatch: 'subject-goal-mismatch',
  /** A task the goal's context says is not due (forged, or for a goal that never got that far). */
  taskNotDue: 'task-not-due',
  replayRefused: 'replay-refused',
  /** A goal naming a delivery sink the deployment's communications agent does not enable. */
  sinkNotEnabled: 'sink-not-enabled',
  /** A goal asking for a budget above the deployment's ceiling (SWARM_BUDGET_MAX_*). */
  budgetOverCeiling: 'budget-over-ceiling',
  /** A goal's budget cannot cover the next model call, or its deadline passed (see `BudgetExhaustedError`). */
  budgetExhausted: 'budget-exhausted',
  /** A model call's slot in its swarm-wide rate limit is further away than its max wait (see `RateLimitWaitError`). */
  rateLimitWait: 'model-rate-limit-wait',
} as const;
/** A stable error code. */
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[keyof typeof TRANSPORT_ERROR_CODES];

/**
 * Reasons that refuse a message as not being its goal's work (forged or misaddressed). A message refused for one
 * of them is dead-lettered with its reason, but never fails a goal and never runs the queue's dead-letter hook:
 * whoever can publish a task or an event must not be able to end or change someone else's goal with it.
 */
export const REFUSAL_CODES: ReadonlySet<string> = new Set<string>([
  TRANSPORT_ERROR_CODES.subjectGoalMismatch,
  TRANSPORT_ERROR_CODES.taskNotDue,
]);

/**
 * An error a task handler throws to say how the transport should settle the task. `retryable: true` naks
 * with backoff until the max-deliver limit; `retryable: false` dead-letters at once with this code as reason.
 */
export class TaskError extends Error {
  override readonly name: string = 'TaskError';
  /** For a retryable error: the least wait before the retry (an upstream's `Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  /**
   * A transient failure: try again later (network blip, rate limit, upstream 5xx). `retryAfterMs` makes the
   * retry wait at least that long (an upstream's `Retry-After`).
   */
  static retryable(code: string, message: string, cause?: unknown, retryAfterMs?: number): TaskError {
    return new TaskError(code, message, true, {
      cause,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  /** A permanent failure: retrying cannot help (bad input, a conflict, a refused address). */
  static permanent(code: string, message: string, cause?: unknown): TaskError {
    return new TaskError(code, message, false, { cause });
  }

  /**
   * A task the goal's context says is not due (`task-not-due`): dead-lettered with `message` as its reason,
   * without failing the goal or running the dead-letter hook (see `REFUSAL_CODES`).
   */
  static notDue(message: string): TaskError {
    return new TaskError(TRANSPORT_ERROR_CODES.taskNotDue, message, false);
  }
}

/** An existing stream or consumer disagrees with what the contracts and settings ask for. */
export class TopologyConflictError extends Error {
  override readonly name = 'TopologyConflictError';
  readonly code = TRANSPORT_ERROR_CODES.topologyConflict;
  readonly retryable = false;
  constructor(
    readonly resource: string,
    readonly differences: readonly string[],
  ) {
    super(
      `${resource} exists with a conflicting config (${differences.join('; ')}); ` +
        'it was not changed: edit it (nats stream/consumer edit) or change the settings to match',
    );
  }
}

/**
 * A new goal refused at the door: a stream every goal needs (the events stream or a task queue), or the
 * JetStream account, is at or above the admission high-water mark, or refused the submission as full. Nothing
 * was published; the goals already running keep the room that is left. Retryable: submit again later.
 */
export class SwarmFullError extends Error {
  override readonly name = 'SwarmFullError';
  readonly code = TRANSPORT_ERROR_CODES.swarmFull;
  readonly retryable = true;
  constructor(
    /** What is full: `stream <name>` or `jetstream account`. */
    readonly resource: string,
    /** How full it is, 0..1 (1 when the server refused the publish). */
    readonly fill: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A new goal refused at the door: its `deliverTo` names a delivery sink that this deployment's communications
 * agent does not enable (the deployment record `DEPLOYMENT_KEYS.delivery`). Nothing was published. Not
 * retryable: submit without that sink, or enable it (`DELIVERY_SINKS`).
 */
export class SinkNotEnabledError extends Error {
  override readonly name = 'SinkNotEnabledError';
  readonly code = TRANSPORT_ERROR_CODES.sinkNotEnabled;
  readonly retryable = false;
  constructor(
    /** The sinks the goal names that the deployment does not enable. */
    readonly sinks: readonly string[],
    /** The sinks the deployment enables. */
    readonly enabled: readonly string[],
  ) {
    super(
      `goal refused: this deployment does not deliver to ${sinks.map((s) => `"${s}"`).join(', ')}; ` +
        `its communications agent enables ${enabled.join(', ')} (DELIVERY_SINKS). Nothing was submitted`,
    );
  }
}

/**
 * A new goal refused at the door: its budget asks for more than the deployment's ceiling (SWARM_BUDGET_MAX_*).
 * Nothing was published. Not retryable: ask for less.
 */
export class BudgetOverCeilingError extends Error {
  override readonly name = 'BudgetOverCeilingError';
  readonly code = TRANSPORT_ERROR_CODES.budgetOverCeiling;
  readonly retryable = false;
  constructor(
    /** Each quantity over the ceiling, as `costUsd 2 > 1`. */
    readonly over: readonly string[],
  ) {
    super(
      `goal refused: its budget is above this deployment's ceiling (${over.join(', ')}; SWARM_BUDGET_MAX_*). ` +
        'Nothing was submitted',
    );
  }
}

/**
 * A goal's budget cannot cover the next model call, or its deadline has passed. Not retryable; `policy` says
 * what the goal does now: `fail` ends it (`goal.failed` reason `budget-exhausted`), `degrade` answers with the
 * builtin brain (the model client does), `pause` holds it until a human adds to the budget.
 */
export class BudgetExhaustedError extends TaskError {
  override readonly name = 'BudgetExhaustedError';
  constructor(
    readonly goalId: string,
    readonly policy: 'pause' | 'degrade' | 'fail',
    readonly reason: string,
  ) {
    super(TRANSPORT_ERROR_CODES.budgetExhausted, `goal ${goalId} is out of budget: ${reason}`, false);
  }
}

/** A compare-and-set update kept losing to concurrent writers. */
export class CasConflictError extends Error {
  override readonly name = 'CasConflictError';
  readonly code = TRANSPORT_ERROR_CODES.casConflict;
  readonly retryable = true;
  constructor(
    readonly key: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`compare-and-set on key "${key}" lost ${attempts} times in a row to concurrent writers`, options);
  }
}

/** An artifact name that `ARTIFACTS` in the contracts does not list, so no bucket holds it. */
export class UnknownArtifactError extends Error {
  override readonly name = 'UnknownArtifactError';
  readonly code = TRANSPORT_ERROR_CODES.unknownArtifact;
  readonly retryable = false;
  constructor(readonly artifact: string) {
    super(`unknown artifact "${artifact}": artifact names and their buckets are ARTIFACTS in the contracts`);
  }
}

/**
 * An artifact could not be stored and is not in its bucket (a failed write, or one that raced another writer
 * and could not clean up). Retryable: the retry finds the object if another attempt stored it meanwhile.
 */
export class ArtifactNotStoredError extends Error {
  override readonly name = 'ArtifactNotStoredError';
  readonly code = TRANSPORT_ERROR_CODES.artifactNotStored;
  readonly retryable = true;
  constructor(
    readonly objectName: string,
    readonly bucket: string,
    options?: { cause?: unknown },
  ) {
    super(`artifact "${objectName}" was not stored in bucket ${bucket}`, options);
  }
}

/**
 * `replayDeadLetter` refused a record: it may go back only onto the task subject of the queue it was filed
 * under, and this one names another subject or queue (or kept only part of its payload). Nothing was published.
 */
export class ReplayRefusedError extends Error {
  override readonly name = 'ReplayRefusedError';
  readonly code = TRANSPORT_ERROR_CODES.replayRefused;
  readonly retryable = false;
  constructor(
    readonly deadLetterId: string,
    readonly reason: string,
  ) {
    super(`dead letter "${deadLetterId}" was not replayed: ${reason}`);
  }
}

/** Settings failed validation at boot. */
export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';
  readonly code = TRANSPORT_ERROR_CODES.invalidSettings;
  readonly retryable = false;
  constructor(message: string) {
    super(message);
  }
}

/** The bus was used before it connected or after it closed. */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  readonly code = TRANSPORT_ERROR_CODES.notConnected;
  readonly retryable = true;
  constructor(what: string) {
    super(`cannot ${what}: the bus is not connected`);
  }
}

/**
 * A model call's slot in the swarm-wide rate limit of its provider key is further away than the longest wait
 * allowed (SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS). Nothing was sent and no slot was taken. Retryable: the transport
 * naks the task, and its retry comes no sooner than `retryAfterMs` (when the slot would have been).
 */
export class RateLimitWaitError extends TaskError {
  override readonly name = 'RateLimitWaitError';
  constructor(
    readonly key: string,
    readonly waitMs: number,
    readonly maxWaitMs: number,
  ) {
    super(
      TRANSPORT_ERROR_CODES.rateLimitWait,
      `rate limit ${key} has no slot for ${Math.ceil(waitMs)}ms, over the ${maxWaitMs}ms a call may wait (SWARM_MODEL_RATE_LIMIT_MAX_WAIT_MS)`,
      true,
      { retryAfterMs: Math.ceil(waitMs) },
    );
  }
}
