import { exitOf } from './cli-exit.js';
import { buildProgram } from './cli-program.js';

/**
 * Parses `command` (words split on spaces) as `swarm <command>` would, on a NATS nobody answers; returns how
 * the CLI would end and what it printed.
 */
async function run(command: string) {
  const args = command.split(' ').filter((word) => word !== '');
  const printed = { out: '', err: '' };
  const program = buildProgram({
    env: { NATS_URL: 'nats://127.0.0.1:1' },
    stateDir: '/nonexistent/.swarm',
    version: '9.8.7',
    out: (line) => (printed.out += `${line}\n`),
    write: { out: (text) => (printed.out += text), err: (text) => (printed.err += text) },
    whoami: () => 'tester',
    setExitCode: () => undefined,
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return { exitCode: 0, line: undefined, ...printed };
  } catch (error) {
    return { ...exitOf(error), ...printed };
  }
}

const ZERO_WEIGHTS = 'relevance=0,adoption=0,freshness=0,coverage=0,license=0';

describe('the swarm command line', () => {
  it.each([
    ['goal', /^swarm: missing required argument 'text'$/],
    ['status', /^swarm: missing required argument 'goalId'$/],
    ['goal agents --bogus', /^swarm: unknown option '--bogus'$/],
    ['bogus', /^swarm: unknown command 'bogus'$/],
    ['goal agents --top 0', /--top <n>.* '0' is invalid\. must be a whole number from 1 to 25$/],
    ['goal agents --top 2.5', /'2\.5' is invalid\. must be a whole number from 1 to 25$/],
    ['goal agents --top five', /'five' is invalid/],
    ['demo --top 26', /'26' is invalid/],
    ['goals --stale-after -5', /'-5' is invalid\. must be a positive whole number$/],
    ['reject g-1', /^swarm: required option '--comment <text>' not specified$/],
    ['goal agents --tpo 3', /^swarm: unknown option '--tpo' \(Did you mean --top\?\)$/],
    ['status g-1 g-2', /^swarm: too many arguments for 'status'/],
    ['review', /^swarm: missing required argument 'goalId'$/],
    ['watch', /^swarm: missing required argument 'goalId'$/],
    ['watch g-1 --timeout 0', /'0' is invalid\. must be a positive whole number$/],
    ['approve g-1 --by a.b', /^swarm: approver identity "a\.b" \(--by\) must be 1 to 64 letters/],
    ['dev --gateway-port 70000', /'70000' is invalid\. must be a port number from 0 to 65535$/],
    [
      'dev --gateway-port 9000 --no-gateway',
      /'--gateway-port <port>' cannot be used with option '--no-gateway'/,
    ],
  ])(
    'refuses "swarm %s" as bad usage (exit 2) with one line naming the problem',
    async (command, message) => {
      const end = await run(command);
      expect(end.exitCode).toBe(2);
      expect(end.line).toMatch(message);
      expect(end.line).not.toContain('\n');
      expect(end.err).toBe('');
    },
  );

  it.each([
    ['status *', '*'],
    ['status a.b', 'a.b'],
    ['inspect swarm.>', 'swarm.>'],
    ['trace g.1', 'g.1'],
    ['approve g.1', 'g.1'],
    ['review g.1', 'g.1'],
    ['watch g.>', 'g.>'],
    ['reject g.1 --comment no', 'g.1'],
    ['goal agents --id g.*', 'g.*'],
  ])(
    'refuses the goal id in "swarm %s" (no subject token) by name, before reading the bus',
    async (command, bad) => {
      const end = await run(command);
      expect(end.exitCode).toBe(2);
      expect(end.line).toBe(
        `swarm: goal id "${bad}" rejected: goal id may hold only letters, digits, "_" and "-"`,
      );
    },
  );

  it('refuses an unknown dead-letter queue, naming the known ones', async () => {
    expect(await run('dlq list --queue bogus')).toMatchObject({
      exitCode: 2,
      line: 'swarm: unknown queue "bogus": the queues are search, scrape, rank, report',
    });
  });

  it.each([
    `goal agents --weights ${ZERO_WEIGHTS}`,
    'goal agents --weights speed=3',
    `demo --weights ${ZERO_WEIGHTS}`,
    'goal agents --deliver-to file,slack',
  ])('refuses "swarm %s" before connecting or starting anything', async (command) => {
    const end = await run(command);
    // exit 2, not 3: the check came before any connection to the (unreachable) NATS.
    expect(end.exitCode).toBe(2);
    expect(end.line).toMatch(/^swarm: bad --(weights|deliver-to) /);
  });

  it('prints the version for --version and -V and ends with 0', async () => {
    for (const flag of ['--version', '-V']) {
      const end = await run(flag);
      expect(end).toMatchObject({ exitCode: 0, out: '9.8.7\n', err: '' });
      expect(end.line).toBeUndefined();
    }
  });

  it('prints the help on stderr and ends with 2 when no command is given', async () => {
    const end = await run('');
    expect(end.exitCode).toBe(2);
    expect(end.line).toBeUndefined();
    expect(end.err).toMatch(/^Usage: swarm /);
  });
});
