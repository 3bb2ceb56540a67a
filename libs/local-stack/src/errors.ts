/** A `--scale` or stack option that cannot be honoured; the message names the bad value. */
export class StackConfigError extends Error {
  override readonly name = 'StackConfigError';
  readonly code = 'invalid-stack-config';
  readonly retryable = false;
  constructor(message: string) {
    super(message);
  }
}
