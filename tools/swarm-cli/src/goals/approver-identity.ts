import { ApproverIdentity } from '@swarm/contracts';
import { CliError, EXIT_CODES } from '../errors.js';

/** Where the approver identity may come from, strongest first. */
export interface ApproverSources {
  /** `NATS_USER`: the server authenticates it, and its permissions let it write only its own decision key. */
  readonly natsUser?: string;
  /** `--by`: only for a connection without a user (a development NATS), or equal to `NATS_USER`. */
  readonly by?: string;
  /** The user name otherwise (`SWARM_USER`, else the OS user). */
  readonly whoami: () => string;
}

function checked(identity: string, source: string): string {
  if (ApproverIdentity.safeParse(identity).success) return identity;
  throw new CliError(
    `approver identity "${identity}" (${source}) must be 1 to 64 letters, digits, "_" and "-"` +
      (source === 'NATS_USER' ? '' : '; pass --by <name>'),
    EXIT_CODES.usage,
  );
}

/**
 * The identity a decision is recorded under: the NATS user when the CLI connects with one (the server then
 * enforces it: the decision key's last token is the user), else `--by`, else the user name. Throws CliError
 * (usage) when `--by` names someone other than the NATS user, or the identity is no key token. Pure.
 */
export function approverIdentity(sources: ApproverSources): string {
  if (sources.natsUser) {
    if (sources.by !== undefined && sources.by !== sources.natsUser)
      throw new CliError(
        `--by ${sources.by} differs from NATS_USER ${sources.natsUser}: a decision is recorded under the user the CLI connects as`,
        EXIT_CODES.usage,
      );
    return checked(sources.natsUser, 'NATS_USER');
  }
  if (sources.by !== undefined) return checked(sources.by, '--by');
  return checked(sources.whoami(), 'SWARM_USER, else the OS user name');
}
