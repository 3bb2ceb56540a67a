/**
 * Stable codes for every failure the NATS test fixture reports. Match on `error.code`, never on the message.
 */
export const FIXTURE_ERROR_CODES = {
  /** The `nats-server` binary is not on PATH. */
  BinaryNotFound: 'NATS_BINARY_NOT_FOUND',
  /** A spawned `nats-server` exited (or could not be spawned) before it was ready. */
  ServerExited: 'NATS_SERVER_EXITED',
  /** A spawned `nats-server` did not become ready in time. */
  ServerNotReady: 'NATS_SERVER_NOT_READY',
  /** The operation makes no sense for a server the fixture does not own (NATS_URL). */
  ExternalServer: 'NATS_EXTERNAL_SERVER',
  /** A container-backed server was asked to do something its container can no longer do. */
  ContainerUnavailable: 'NATS_CONTAINER_UNAVAILABLE',
  /** An option passed to the fixture is out of range. */
  InvalidOption: 'FIXTURE_INVALID_OPTION',
  /** `waitFor` ran out of time before its probe returned a truthy value. */
  WaitTimeout: 'FIXTURE_WAIT_TIMEOUT',
  /** `openssl` failed (or is missing) while generating a test PKI. */
  OpensslFailed: 'FIXTURE_OPENSSL_FAILED',
} as const;

/** One of the {@link FIXTURE_ERROR_CODES} values. */
export type FixtureErrorCode = (typeof FIXTURE_ERROR_CODES)[keyof typeof FIXTURE_ERROR_CODES];

/**
 * The single error class of `@swarm/testing`. Carries a stable `code`, a lowercase message that names the bad
 * value, the underlying `cause` when there is one, and `retryable` (true when trying the same call again may
 * succeed, e.g. a port that was taken between choosing and binding it).
 */
export class FixtureError extends Error {
  override readonly name = 'FixtureError';
  readonly code: FixtureErrorCode;
  readonly retryable: boolean;

  constructor(
    code: FixtureErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}
