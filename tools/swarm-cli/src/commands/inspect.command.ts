import type { SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';
import { offsetOf, renderEventLine } from '../display/event-line.js';
import { renderUsageSummary } from '../display/usage-lines.js';
import { readBudget } from '../display/read-budget.js';
import { renderBudget } from '../display/budget-lines.js';
import type { GoalEvent, GoalSummary } from '@swarm/goal-views';
import {
  judgeGoalEvents,
  needsEvidence,
  renderIgnored,
  summarizeGoal,
  summarizeUsage,
  toGoalEvents,
} from '@swarm/goal-views';

/**
 * A goal's events, judged: the summary rests on the honoured ones only, so a forged or unbacked end (or an
 * event for another goal, or from a sender that may not emit it) neither ends the goal nor counts.
 */
async function loadGoal(client: SwarmClient, goalId: string) {
  const events = toGoalEvents(await client.goalEvents(goalId));
  if (events.length === 0) throw new CliError(`no events for goal ${goalId}`, EXIT_CODES.usage);
  const evidence = needsEvidence(events) ? await client.goalEvidence(goalId) : undefined;
  const judged = judgeGoalEvents(goalId, events, evidence);
  return { events, judged, summary: summarizeGoal(goalId, judged.honoured) };
}

/** Renders a goal summary as lines. Pure. */
export function renderSummary(summary: GoalSummary): string[] {
  const took =
    summary.startedAt && summary.endedAt
      ? `${((summary.endedAt.getTime() - summary.startedAt.getTime()) / 1_000).toFixed(2)}s`
      : 'running';
  return [
    `goal      ${summary.goalId}: ${summary.text ?? '(text unknown)'}`,
    `state     ${summary.state}${summary.outcome ? ` (${summary.outcome})` : ''}`,
    `took      ${took}`,
    `tasks     ${summary.claims} claims, ${summary.completedTasks} completed, ${summary.retries} retried, ${summary.deadLettered} dead-lettered`,
    `agents    ${summary.instances.join(', ') || '-'}`,
    ...(summary.summary ? [`summary   ${summary.summary}`] : []),
    ...(summary.reportArtifact ? [`report    ${summary.reportArtifact} (object store)`] : []),
  ];
}

/** `swarm status <goal>`: where the goal stands, then a warning line per event it ignored as forged. */
export async function runStatus(
  client: SwarmClient,
  goalId: string,
  out: (line: string) => void,
): Promise<void> {
  const { summary, judged } = await loadGoal(client, goalId);
  for (const line of renderSummary(summary)) out(line);
  for (const ignored of judged.ignored) out(`warning   ${renderIgnored(ignored)}`);
}

/**
 * `swarm inspect <goal>`: the goal's whole timeline from the event stream (the audit trail), its summary and
 * the model usage per agent and in total. An event a reader may not trust shows as a warning line in its place
 * (`ignored forged goal.completed from search: ...`) and counts for nothing; in JSON it carries `ignored`. With `json`: the events as stored, each with its `time`, as a JSON array
 * (a model-backed attempt's `usage` is on its `task.completed`/`task.failed` event).
 */
export async function runInspect(
  client: SwarmClient,
  goalId: string,
  out: (line: string) => void,
  json = false,
): Promise<void> {
  const { events, judged, summary } = await loadGoal(client, goalId);
  const usage = summarizeUsage(judged.honoured);
  const ignoredOf = new Map(judged.ignored.map((ignored) => [ignored.event, ignored]));
  if (json) {
    const ignoredField = (e: GoalEvent) => {
      const judgement = ignoredOf.get(e)?.judgement;
      return judgement ? { ignored: { code: judgement.code, reason: judgement.reason } } : {};
    };
    out(
      JSON.stringify(
        events.map((e) => ({ type: e.type, time: e.time.toISOString(), ...e.body, ...ignoredField(e) })),
        null,
        2,
      ),
    );
    return;
  }
  const start = events[0]?.time ?? new Date();
  for (const event of events) {
    const ignored = ignoredOf.get(event);
    out(ignored ? `${offsetOf(event, start)}  ${renderIgnored(ignored)}` : renderEventLine(event, start));
  }
  out('');
  for (const line of renderSummary(summary)) out(line);
  for (const line of usage ? renderUsageSummary(usage) : []) out(line);
  const budget = await readBudget(client, goalId);
  for (const line of budget ? renderBudget(budget, new Date()) : []) out(line);
}
