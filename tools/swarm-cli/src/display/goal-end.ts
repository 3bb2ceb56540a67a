import { ARTIFACTS } from '@swarm/contracts';
import type { GoalEvent } from '@swarm/goal-views';

/** Where a goal's report went, for `renderGoalEnd`. */
export interface GoalEndOptions {
  /** When the goal's first event was seen; the summary then says how long the goal took. */
  readonly start?: Date;
  /** The object-store bucket the reports are in (the topology's `artifactBuckets.reports`, `swarm-reports`). */
  readonly reportsBucket: string;
}

const oneLine = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';

/**
 * The last lines of `swarm goal --wait`, printed after the report so they are what a terminal shows at the end:
 * one line on how the goal ended (outcome, time taken, summary or failure reason), then, when a report was
 * written, its artifact names: the Markdown and HTML reports (`ARTIFACTS`) of a delivered goal, the Markdown
 * preview of one that was rejected or whose approval expired. Pure.
 */
export function renderGoalEnd(goalId: string, final: GoalEvent, options: GoalEndOptions): string[] {
  const b = final.body;
  const took = options.start
    ? ` in ${((final.time.getTime() - options.start.getTime()) / 1_000).toFixed(2)}s`
    : '';
  if (final.type === 'goal.failed') {
    const reason = b['reason'] as { code?: string; message?: string } | undefined;
    return [`goal ${goalId} FAILED${took} (${reason?.code ?? 'unknown'}): ${oneLine(reason?.message)}`];
  }
  const outcome = oneLine(b['outcome']) || 'completed';
  const lines = [`goal ${goalId} ${outcome}${took}: ${oneLine(b['summary'])}`];
  const markdown = b['reportArtifact'];
  if (typeof markdown !== 'string') return lines;
  const where = `in object store ${options.reportsBucket}`;
  lines.push(
    outcome === 'delivered'
      ? `reports: ${markdown} (Markdown) and ${goalId}/${ARTIFACTS.reportHtml} (HTML) ${where}`
      : `report preview, not delivered: ${markdown} (Markdown) ${where}`,
  );
  return lines;
}
