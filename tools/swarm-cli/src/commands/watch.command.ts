import type { SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';
import type { ExitCode } from '../errors.js';
import { offsetOf, renderEventLine } from '../display/event-line.js';
import { renderGoalEnd } from '../display/goal-end.js';
import { renderUsageSummary } from '../display/usage-lines.js';
import { readBudget } from '../display/read-budget.js';
import { budgetWorthShowing, renderBudget } from '../display/budget-lines.js';
import { liveBudgetLine, touchesBudget } from '../display/live-budget.js';
import type { BudgetRecord } from '@swarm/contracts';
import type { GoalEvent } from '@swarm/goal-views';
import { followGoal, renderIgnored, summarizeUsage } from '@swarm/goal-views';

/** The exit code of a finished goal. Pure. */
export function exitCodeOf(final: GoalEvent): ExitCode {
  if (final.type === 'goal.failed') return EXIT_CODES.goalFailed;
  const outcome = final.body['outcome'];
  return outcome === 'rejected' || outcome === 'approval-expired' ? EXIT_CODES.goalRejected : EXIT_CODES.ok;
}

/**
 * Follows a goal from its first event to its end, printing each hand-off as it is (or was) published and each
 * event ignored as forged in its place, and the goal's budget line each time a model call or a budget event
 * changed it (`liveBudgetLine`); then the report, the model usage when an agent called a model, and last
 * how the goal ended and its report artifacts. What `swarm goal --wait` and `swarm watch` end with. Returns the
 * goal's exit code. Throws CliError (exit 4) when the goal does not end within `timeoutMs`.
 */
export async function followToEnd(
  client: SwarmClient,
  goalId: string,
  options: { readonly timeoutMs: number },
  out: (line: string) => void,
): Promise<{ exitCode: ExitCode; final: GoalEvent }> {
  let start: Date | undefined;
  // The budget is re-read after an event that may have changed it, one read at a time, and printed when it did.
  let shown: BudgetRecord | undefined;
  let budgetReads = Promise.resolve();
  const showBudget = () => {
    budgetReads = budgetReads.then(async () => {
      const record = await readBudget(client, goalId);
      const line = record ? liveBudgetLine(record, shown, new Date()) : undefined;
      if (record && line) {
        shown = record;
        out(line);
      }
    });
  };
  const { final, events } = await followGoal(client, goalId, {
    timeoutMs: options.timeoutMs,
    onEvent: (event) => {
      start ??= event.time;
      out(renderEventLine(event, start));
      if (touchesBudget(event)) showBudget();
    },
    onIgnored: (ignored) => {
      start ??= ignored.event.time;
      out(`${offsetOf(ignored.event, start)}  ${renderIgnored(ignored)}`);
    },
  });
  await budgetReads;
  const artifact = final.body['reportArtifact'];
  if (typeof artifact === 'string') {
    const report = await (await client.goal(goalId)).getArtifact(artifact);
    if (report) out(`\n${new TextDecoder().decode(report)}`);
  }
  const usage = summarizeUsage(events);
  if (usage) out(['', ...renderUsageSummary(usage)].join('\n'));
  const budget = await readBudget(client, goalId);
  if (budget && budgetWorthShowing(budget)) out(['', ...renderBudget(budget, new Date())].join('\n'));
  const end = renderGoalEnd(goalId, final, { start, reportsBucket: client.topology.artifactBuckets.reports });
  out(['', ...end].join('\n'));
  return { exitCode: exitCodeOf(final), final };
}

/**
 * `swarm watch <goal>`: re-attaches to a goal (after Ctrl-C on `swarm goal --wait`, or from another terminal):
 * prints the events so far, follows live to the end and ends like `goal --wait`, with the same exit codes; a goal
 * that already ended is printed through to its end at once. Throws CliError (usage) for a goal with no events.
 */
export async function runWatch(
  client: SwarmClient,
  goalId: string,
  options: { readonly timeoutMs: number },
  out: (line: string) => void,
): Promise<ExitCode> {
  if ((await client.goalEvents(goalId)).length === 0)
    throw new CliError(`no events for goal ${goalId}`, EXIT_CODES.usage);
  return (await followToEnd(client, goalId, options, out)).exitCode;
}
