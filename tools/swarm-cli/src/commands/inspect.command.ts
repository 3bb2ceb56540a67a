import type { SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';
import { renderEventLine } from '../display/event-line.js';
import { renderUsageSummary } from '../display/usage-lines.js';
import type { GoalSummary } from '../goals/goal-timeline.js';
import { summarizeGoal, toGoalEvents } from '../goals/goal-timeline.js';
import { summarizeUsage } from '../goals/usage-summary.js';

async function loadGoal(client: SwarmClient, goalId: string) {
  const events = toGoalEvents(await client.goalEvents(goalId));
  if (events.length === 0) throw new CliError(`no events for goal ${goalId}`, EXIT_CODES.usage);
  return { events, summary: summarizeGoal(goalId, events) };
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

/** `swarm status <goal>`: where the goal stands. */
export async function runStatus(
  client: SwarmClient,
  goalId: string,
  out: (line: string) => void,
): Promise<void> {
  const { summary } = await loadGoal(client, goalId);
  for (const line of renderSummary(summary)) out(line);
}

/**
 * `swarm inspect <goal>`: the goal's whole timeline from the event stream (the audit trail), its summary and
 * the model usage per agent and in total. With `json`: the events as stored, each with its `time`, as a JSON array
 * (a model-backed attempt's `usage` is on its `task.completed`/`task.failed` event).
 */
export async function runInspect(
  client: SwarmClient,
  goalId: string,
  out: (line: string) => void,
  json = false,
): Promise<void> {
  const { events, summary } = await loadGoal(client, goalId);
  const usage = summarizeUsage(events);
  if (json) {
    out(
      JSON.stringify(
        events.map((e) => ({ type: e.type, time: e.time.toISOString(), ...e.body })),
        null,
        2,
      ),
    );
    return;
  }
  const start = events[0]?.time ?? new Date();
  for (const event of events) out(renderEventLine(event, start));
  out('');
  for (const line of renderSummary(summary)) out(line);
  for (const line of usage ? renderUsageSummary(usage) : []) out(line);
}
