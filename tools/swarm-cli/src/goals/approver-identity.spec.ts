import { CliError } from '../errors.js';
import { approverIdentity } from './approver-identity.js';

const whoami = () => 'os-user';
const usageError = (run: () => unknown): CliError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('no error thrown');
};

describe('approverIdentity', () => {
  it('decides as the NATS user when the CLI connects with one, also when --by says the same', () => {
    expect(approverIdentity({ natsUser: 'alice', whoami })).toBe('alice');
    expect(approverIdentity({ natsUser: 'alice', by: 'alice', whoami })).toBe('alice');
  });

  it('refuses a --by that differs from the NATS user', () => {
    const error = usageError(() => approverIdentity({ natsUser: 'alice', by: 'bob', whoami }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      '--by bob differs from NATS_USER alice: a decision is recorded under the user the CLI connects as',
    );
  });

  it('takes --by, else the user name, on a connection without a user', () => {
    expect(approverIdentity({ by: 'bob', whoami })).toBe('bob');
    expect(approverIdentity({ whoami })).toBe('os-user');
  });

  it('refuses an identity that is no single key token, saying where it came from', () => {
    expect(usageError(() => approverIdentity({ by: 'a.b', whoami })).message).toMatch(
      /^approver identity "a\.b" \(--by\) must be 1 to 64 letters, digits, "_" and "-"; pass --by <name>$/,
    );
    expect(usageError(() => approverIdentity({ whoami: () => 'first.last' })).message).toMatch(
      /\(SWARM_USER, else the OS user name\)/,
    );
    expect(usageError(() => approverIdentity({ natsUser: 'x'.repeat(65), whoami })).exitCode).toBe(2);
  });
});
