/** Exit codes of the `swarm` CLI: stable, documented in the README. */
export const EXIT_CODES = {
  ok: 0,
  failure: 1,
  usage: 2,
  natsUnreachable: 3,
  timeout: 4,
  goalFailed: 5,
  goalRejected: 6,
  /** The swarm refused a new goal at the door: a stream it needs is at its admission high-water mark. */
  swarmFull: 7,
} as const;
/** An exit code. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** An error the CLI reports as one clear line and a stable exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
