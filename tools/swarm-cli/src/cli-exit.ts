import { CommanderError } from 'commander';
import type { GoalViewsErrorCode } from '@swarm/goal-views';
import { GoalViewsError } from '@swarm/goal-views';
import { StackConfigError } from '@swarm/local-stack';
import { BudgetOverCeilingError, SinkNotEnabledError, SwarmFullError } from '@swarm/transport';
import type { ExitCode } from './errors.js';
import { CliError, EXIT_CODES } from './errors.js';

/** The exit code of each read-model error: bad input and a refused decision are usage errors. */
export const GOAL_VIEWS_EXIT_CODES: Readonly<Record<GoalViewsErrorCode, ExitCode>> = {
  'invalid-goal-id': EXIT_CODES.usage,
  'invalid-goal': EXIT_CODES.usage,
  'goal-not-found': EXIT_CODES.usage,
  'approval-not-pending': EXIT_CODES.usage,
  'invalid-decision': EXIT_CODES.usage,
  'decision-not-recorded': EXIT_CODES.failure,
  'follow-timeout': EXIT_CODES.timeout,
};

/** How the CLI ends after an error: the exit code and, unless something was already printed, one stderr line. */
export interface CliExit {
  readonly exitCode: number;
  /** `swarm: <message>`, one line, no stack. */
  readonly line?: string;
}

const oneLine = (message: string) => `swarm: ${message.replace(/\s*\n\s*/g, ' ').trim()}`;

/**
 * The one place that decides how an error ends the CLI. The argument parser's errors (a missing argument, an
 * unknown flag or command, a flag value its parser refused, a required flag not given) are usage errors, exit 2;
 * help and `--version` end with 0; `swarm` or `swarm dlq` without a subcommand has printed its help on stderr
 * and ends with 2. A CliError carries its own code, a read-model error (GoalViewsError) the one its code maps to
 * (`GOAL_VIEWS_EXIT_CODES`), a bad `--scale` is a usage error, and so is a goal refused at
 * the door for naming a sink the deployment does not enable (SinkNotEnabledError) or for a budget above the
 * deployment's ceiling (BudgetOverCeilingError); a goal refused at the door
 * because the swarm is full (SwarmFullError) exit 7, anything else exit 1.
 * Pure.
 */
export function exitOf(error: unknown): CliExit {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return { exitCode: EXIT_CODES.ok };
    if (error.code === 'commander.help') return { exitCode: EXIT_CODES.usage };
    return { exitCode: EXIT_CODES.usage, line: oneLine(error.message.replace(/^error: /, '')) };
  }
  if (error instanceof CliError) return { exitCode: error.exitCode, line: oneLine(error.message) };
  if (error instanceof GoalViewsError)
    return { exitCode: GOAL_VIEWS_EXIT_CODES[error.code], line: oneLine(error.message) };
  if (error instanceof StackConfigError) return { exitCode: EXIT_CODES.usage, line: oneLine(error.message) };
  if (error instanceof SinkNotEnabledError || error instanceof BudgetOverCeilingError)
    return { exitCode: EXIT_CODES.usage, line: oneLine(error.message) };
  if (error instanceof SwarmFullError)
    return { exitCode: EXIT_CODES.swarmFull, line: oneLine(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_CODES.failure, line: oneLine(message) };
}
