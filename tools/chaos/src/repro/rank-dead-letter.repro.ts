import type { RankTask, ReportTask } from '@swarm/contracts';
import { HEADERS, SCHEMA_VERSION, SUBJECTS } from '@swarm/contracts';
import { waitFor } from '@swarm/testing';
import { withPrivateSwarm } from '../harness/chaos-swarm.js';

/** What happened to a task that failed for good, per queue. */
export interface DeadLetterEndReport {
  readonly queue: 'rank' | 'report';
  readonly goalId: string;
  readonly deadLetterReason: string | undefined;
  /** Whether the goal got a `goal.failed` (an end) after its task was dead-lettered. */
  readonly goalFailed: boolean;
}

const envelope = (goalId: string, messageId: string) => ({
  schemaVersion: SCHEMA_VERSION,
  messageId,
  goalId,
  taskId: messageId,
  causationId: `${goalId}/scrape/0`,
  attempt: 1,
  timestamp: new Date().toISOString(),
});

/**
 * Shows which steps end their goal when their task fails for good. It publishes a schema-valid rank task and a
 * schema-valid report task for goals whose context is empty, so each handler fails permanently
 * (`missing-candidates`, `missing-ranking`) and the task is dead-lettered. The report queue then publishes
 * `goal.failed`; the rank queue publishes nothing, so a goal whose rank task is dead-lettered (a permanent error,
 * or five failed deliveries) never ends.
 */
export function runRankDeadLetter(
  env: Readonly<Record<string, string | undefined>>,
): Promise<DeadLetterEndReport[]> {
  return withPrivateSwarm({ env }, async (swarm) => {
    const tag = Date.now().toString(36);
    const rankGoal = `orphan-rank-${tag}`;
    const reportGoal = `orphan-report-${tag}`;
    const rank: RankTask = {
      type: 'task.rank',
      ...envelope(rankGoal, `${rankGoal}/rank`),
      query: 'agent memory',
      topN: 1,
      contributions: [{ taskId: `${rankGoal}/scrape/0`, candidateId: 'x', ok: true }],
    };
    const report: ReportTask = {
      type: 'task.report',
      ...envelope(reportGoal, `${reportGoal}/report`),
      query: 'agent memory',
      rankingArtifact: `${reportGoal}/ranking.json`,
      requireApproval: false,
    };
    const headers = (goalId: string, type: string) => ({
      [HEADERS.goalId]: [goalId],
      [HEADERS.messageType]: [type],
    });
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    await swarm.client.publishRaw(
      SUBJECTS.task.rank,
      encode(rank),
      rank.messageId,
      headers(rankGoal, rank.type),
    );
    await swarm.client.publishRaw(
      SUBJECTS.task.report,
      encode(report),
      report.messageId,
      headers(reportGoal, report.type),
    );
    const records = await waitFor(
      async () => {
        const all = await swarm.client.deadLetters();
        return all.some((r) => r.goalId === rankGoal) && all.some((r) => r.goalId === reportGoal)
          ? all
          : false;
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'both tasks dead-lettered' },
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const outcome = async (queue: 'rank' | 'report', goalId: string): Promise<DeadLetterEndReport> => {
      const events = await swarm.client.goalEvents(goalId);
      return {
        queue,
        goalId,
        deadLetterReason: records.find((r) => r.goalId === goalId)?.reason.code,
        goalFailed: events.some((m) => (m.body as { type?: string }).type === 'goal.failed'),
      };
    };
    return [await outcome('rank', rankGoal), await outcome('report', reportGoal)];
  });
}
