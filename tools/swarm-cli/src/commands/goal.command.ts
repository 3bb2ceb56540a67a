import type { SwarmClient } from '@swarm/transport';
import { isSinkName, ScoringWeights, SINK_NAMES } from '@swarm/contracts';
import type { GoalBudget, SinkName } from '@swarm/contracts';
import { CliError, EXIT_CODES } from '../errors.js';
import type { ExitCode } from '../errors.js';
import type { GoalEvent } from '@swarm/goal-views';
import { buildGoalSubmission, inferTopN } from '@swarm/goal-views';
import { followToEnd } from './watch.command.js';

export { exitCodeOf } from './watch.command.js';

/** Options of `swarm goal`. */
export interface GoalCommandOptions {
  readonly top?: number;
  readonly approve?: boolean;
  readonly wait?: boolean;
  readonly timeout: number;
  readonly id?: string;
  readonly weights?: Partial<ScoringWeights>;
  readonly deliverTo?: string[];
  readonly by?: string;
  /** The goal's budget (`--budget`); absent: the deployment's defaults. */
  readonly budget?: GoalBudget;
}

/**
 * The delivery sinks a goal may name in `deliverTo` (`--deliver-to`): the contract's `SINK_NAMES`, the names the
 * communications agent's sinks carry. A deployment enables some of them (`DELIVERY_SINKS`) and announces which;
 * the door (`SwarmClient.submitGoal`) refuses a goal naming one it does not enable (exit 2, nothing submitted).
 */
export const DELIVERY_SINKS: readonly SinkName[] = Object.values(SINK_NAMES);

/** The score components a goal may weigh, as the contract's `ScoringWeights` names them. */
const WEIGHT_NAMES = Object.keys(ScoringWeights.shape);

/**
 * Parses `relevance=5,adoption=1` into weights, refusing what the ranker would refuse at the end of the pipeline:
 * an unknown component, a value outside 0..10, or every component at 0 (the ranker starts from its defaults,
 * all above 0, so only all five set to 0 leaves nothing to score by; `license=0` alone is fine). Pure. Throws
 * CliError (usage) naming the bad part.
 */
export function parseWeights(spec: string): Partial<ScoringWeights> {
  const weights: Record<string, number> = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const match = /^\s*([a-z]+)\s*=\s*([0-9.]+)\s*$/.exec(part);
    if (!match?.[1] || !match[2])
      throw new CliError(
        `bad --weights "${part}": use name=value, e.g. relevance=5,adoption=1`,
        EXIT_CODES.usage,
      );
    if (!WEIGHT_NAMES.includes(match[1]))
      throw new CliError(
        `bad --weights "${part}": unknown component "${match[1]}"; the components are ${WEIGHT_NAMES.join(', ')}`,
        EXIT_CODES.usage,
      );
    const value = Number(match[2]);
    if (!Number.isFinite(value) || value > 10)
      throw new CliError(`bad --weights "${part}": a weight is a number from 0 to 10`, EXIT_CODES.usage);
    weights[match[1]] = value;
  }
  if (Object.keys(weights).length === 0)
    throw new CliError(
      `bad --weights "${spec}": name at least one component, e.g. relevance=5`,
      EXIT_CODES.usage,
    );
  if (WEIGHT_NAMES.every((name) => weights[name] === 0))
    throw new CliError(
      `bad --weights "${spec}": every component is 0, so nothing would rank the tools; give at least one a weight above 0`,
      EXIT_CODES.usage,
    );
  return ScoringWeights.partial().parse(weights);
}

/** Parses `--deliver-to file,webhook` into sink names, each one of `DELIVERY_SINKS`. Pure. Throws CliError (usage). */
export function parseDeliverTo(spec: string): string[] {
  const names = spec
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isSinkName(name));
  if (names.length === 0 || unknown.length > 0)
    throw new CliError(
      `bad --deliver-to "${spec}": ${names.length === 0 ? 'names no sink' : `unknown sink ${unknown.map((n) => `"${n}"`).join(', ')}`}; the sinks are ${DELIVERY_SINKS.join(', ')}`,
      EXIT_CODES.usage,
    );
  return [...new Set(names)];
}

/**
 * Publishes a goal; with `wait` it shows every hand-off live, then prints the report, the model usage per agent
 * and in total when an agent called a model, and last one line on how the goal ended and the names of its report
 * artifacts. Returns the exit code.
 */
export async function runGoal(
  client: SwarmClient,
  text: string,
  options: GoalCommandOptions,
  out: (line: string) => void,
): Promise<{ goalId: string; exitCode: ExitCode; final?: GoalEvent }> {
  const topN = options.top ?? inferTopN(text);
  const submission = buildGoalSubmission(
    {
      text,
      ...(topN === undefined ? {} : { topN }),
      requireApproval: options.approve ?? false,
      ...(options.weights ? { weights: options.weights } : {}),
      ...(options.deliverTo ? { deliverTo: options.deliverTo } : {}),
      ...(options.by ? { submittedBy: options.by } : {}),
      ...(options.budget ? { budget: options.budget } : {}),
    },
    { goalId: options.id },
  );
  // Through the door: a budget over the deployment's ceiling (BudgetOverCeilingError, exit 2), a sink the
  // deployment does not enable (SinkNotEnabledError, exit 2) or a full swarm (SwarmFullError, exit 7) refuses
  // the goal and nothing is published.
  const ack = await client.submitGoal({ subject: submission.subject, message: submission.message });
  out(`goal ${submission.goalId} ${ack.duplicate ? 'was already submitted (same content)' : 'submitted'}`);
  if (!options.wait) {
    out(
      `follow it with: swarm watch ${submission.goalId}  |  swarm status ${submission.goalId}  |  swarm inspect ${submission.goalId}`,
    );
    return { goalId: submission.goalId, exitCode: EXIT_CODES.ok };
  }
  const { exitCode, final } = await followToEnd(
    client,
    submission.goalId,
    { timeoutMs: options.timeout },
    out,
  );
  return { goalId: submission.goalId, exitCode, final };
}
