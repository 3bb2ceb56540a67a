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
} as const;
/** A stable error code. */
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[keyof typeof TRANSPORT_ERROR_CODES];

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
