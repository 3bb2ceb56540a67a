import type { SwarmClient } from '@swarm/transport';
import type { ScoringWeights } from '@swarm/contracts';
import { CliError, EXIT_CODES } from '../errors.js';
import type { ExitCode } from '../errors.js';
import { renderEventLine } from '../display/event-line.js';
import { renderUsageSummary } from '../display/usage-lines.js';
import { followGoal } from '../goals/follow-goal.js';
import { buildGoalSubmission, inferTopN } from '../goals/goal-submission.js';
import type { GoalEvent } from '../goals/goal-timeline.js';
import { summarizeUsage } from '../goals/usage-summary.js';

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
}

/** Parses `relevance=5,adoption=1` into weights. Pure. */
export function parseWeights(spec: string): Partial<ScoringWeights> {
  const weights: Record<string, number> = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const match = /^\s*([a-z]+)\s*=\s*([0-9.]+)\s*$/.exec(part);
    if (!match?.[1] || !match[2])
      throw new CliError(
        `bad --weights "${part}": use name=value, e.g. relevance=5,adoption=1`,
        EXIT_CODES.usage,
      );
    weights[match[1]] = Number(match[2]);
  }
  return weights;
}

/** The exit code of a finished goal. Pure. */
export function exitCodeOf(final: GoalEvent): ExitCode {
  if (final.type === 'goal.failed') return EXIT_CODES.goalFailed;
  const outcome = final.body['outcome'];
  return outcome === 'rejected' || outcome === 'approval-expired' ? EXIT_CODES.goalRejected : EXIT_CODES.ok;
}

/**
 * Publishes a goal; with `wait` it shows every hand-off live, then prints the report and, when an agent called
 * a model, the usage per agent and in total. Returns the exit code.
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
    },
    { goalId: options.id },
  );
  const ack = await client.publish({ subject: submission.subject, message: submission.message });
  out(`goal ${submission.goalId} ${ack.duplicate ? 'was already submitted (same content)' : 'submitted'}`);
  if (!options.wait) {
    out(`follow it with: swarm status ${submission.goalId}  |  swarm inspect ${submission.goalId}`);
    return { goalId: submission.goalId, exitCode: EXIT_CODES.ok };
  }
  let start: Date | undefined;
  const { final, events } = await followGoal(client, submission.goalId, {
    timeoutMs: options.timeout,
    onEvent: (event) => {
      start ??= event.time;
      out(renderEventLine(event, start));
    },
  });
  const artifact = final.body['reportArtifact'];
  if (typeof artifact === 'string') {
    const goal = await client.goal(submission.goalId);
    const report = await goal.getArtifact(artifact);
    if (report) out(`\n${new TextDecoder().decode(report)}`);
  }
  const usage = summarizeUsage(events);
  if (usage) out(['', ...renderUsageSummary(usage)].join('\n'));
  return { goalId: submission.goalId, exitCode: exitCodeOf(final), final };
}
