import { CommanderError, InvalidArgumentError } from 'commander';
import { GoalViewsError } from '@swarm/goal-views';
import { StackConfigError } from '@swarm/local-stack';
import { BudgetOverCeilingError, SinkNotEnabledError, SwarmFullError } from '@swarm/transport';
import { exitOf } from './cli-exit.js';
import { CliError, EXIT_CODES } from './errors.js';

describe('exitOf', () => {
  it("turns every error of the argument parser into a usage error (exit 2) with one 'swarm:' line", () => {
    expect(
      exitOf(new CommanderError(1, 'commander.missingArgument', "error: missing required argument 'text'")),
    ).toEqual({
      exitCode: EXIT_CODES.usage,
      line: "swarm: missing required argument 'text'",
    });
    expect(exitOf(new InvalidArgumentError('must be a positive whole number'))).toEqual({
      exitCode: EXIT_CODES.usage,
      line: 'swarm: must be a positive whole number',
    });
  });

  it('keeps a suggestion of the parser on the same line', () => {
    const unknown = new CommanderError(
      1,
      'commander.unknownOption',
      "error: unknown option '--tpo'\n(Did you mean --top?)",
    );
    expect(exitOf(unknown).line).toBe("swarm: unknown option '--tpo' (Did you mean --top?)");
  });

  it('ends help and --version with 0 and prints nothing more', () => {
    expect(exitOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ exitCode: 0 });
    expect(exitOf(new CommanderError(0, 'commander.version', '0.1.0'))).toEqual({ exitCode: 0 });
  });

  it('ends with 2 and no extra line when the parser printed the help for a missing subcommand', () => {
    expect(exitOf(new CommanderError(1, 'commander.help', '(outputHelp)'))).toEqual({
      exitCode: EXIT_CODES.usage,
    });
  });

  it("keeps a CliError's own exit code, makes a bad --scale a usage error and anything else exit 1", () => {
    expect(exitOf(new CliError('no NATS', EXIT_CODES.natsUnreachable))).toEqual({
      exitCode: 3,
      line: 'swarm: no NATS',
    });
    expect(exitOf(new StackConfigError('bad --scale "x"')).exitCode).toBe(EXIT_CODES.usage);
    expect(exitOf(new Error('boom'))).toEqual({ exitCode: EXIT_CODES.failure, line: 'swarm: boom' });
    expect(exitOf('odd')).toEqual({ exitCode: EXIT_CODES.failure, line: 'swarm: odd' });
  });

  it('ends a goal refused because the swarm is full with 7 and its reason', () => {
    const full = new SwarmFullError(
      'stream SWARM_EVENTS',
      0.95,
      'new goals refused, the swarm is full: stream SWARM_EVENTS holds 95 of its 100 messages',
    );
    expect(exitOf(full)).toEqual({
      exitCode: 7,
      line: 'swarm: new goals refused, the swarm is full: stream SWARM_EVENTS holds 95 of its 100 messages',
    });
  });

  it('ends a goal naming a sink the deployment does not enable as a usage error (2), naming both', () => {
    expect(exitOf(new SinkNotEnabledError(['webhook'], ['file', 'stdout']))).toEqual({
      exitCode: 2,
      line:
        'swarm: goal refused: this deployment does not deliver to "webhook"; its communications agent enables ' +
        'file, stdout (DELIVERY_SINKS). Nothing was submitted',
    });
  });

  it('ends a goal whose budget is above the ceiling as a usage error (2), naming what is over', () => {
    expect(exitOf(new BudgetOverCeilingError(['costUsd 2 > 1']))).toEqual({
      exitCode: 2,
      line:
        "swarm: goal refused: its budget is above this deployment's ceiling (costUsd 2 > 1; SWARM_BUDGET_MAX_*). " +
        'Nothing was submitted',
    });
  });

  it('ends a refused decision or a bad goal id with 2, a lost write with 1 and a follow timeout with 4', () => {
    const exit = (code: ConstructorParameters<typeof GoalViewsError>[0]) =>
      exitOf(new GoalViewsError(code, `goal g-1: ${code}\nsecond line`));
    expect(exit('approval-not-pending')).toEqual({
      exitCode: EXIT_CODES.usage,
      line: 'swarm: goal g-1: approval-not-pending second line',
    });
    expect(exit('invalid-goal-id').exitCode).toBe(EXIT_CODES.usage);
    expect(exit('invalid-goal').exitCode).toBe(EXIT_CODES.usage);
    expect(exit('invalid-decision').exitCode).toBe(EXIT_CODES.usage);
    expect(exit('decision-not-recorded').exitCode).toBe(EXIT_CODES.failure);
    expect(exit('follow-timeout').exitCode).toBe(EXIT_CODES.timeout);
  });
});
