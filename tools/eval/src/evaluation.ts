import type { SwarmClient } from '@swarm/transport';
import type { GoalRunResult } from './goal-runner.js';
import { runJudgedGoals } from './goal-runner.js';
import type { JudgedGoal } from './judged-set.js';
import type { TableRow } from './quality-table.js';
import type { GoalScore, ScoreSummary } from './scoring.js';
import { scoreGoal, summarizeScores } from './scoring.js';

/** One evaluation: per goal what came back and its scores, and the means. */
export interface EvaluationReport {
  readonly startedAt: string;
  readonly goals: readonly {
    readonly goal: JudgedGoal;
    readonly run: GoalRunResult;
    readonly score: GoalScore;
  }[];
  readonly summary: ScoreSummary;
}

/** The report's rows for {@link renderQualityTable}. Pure. */
export function tableRows(report: EvaluationReport): TableRow[] {
  return report.goals.map(({ goal, score }) => ({ score, text: goal.text }));
}

/**
 * Runs judged goals on a running swarm and scores them: every goal submitted with its topN, each waited for
 * (`timeoutMs` per goal), its ranking read and scored against its judgments.
 */
export async function evaluate(
  client: SwarmClient,
  goals: readonly JudgedGoal[],
  options: {
    readonly now?: Date;
    readonly timeoutMs?: number;
    readonly onGoal?: (goal: JudgedGoal, score: GoalScore) => void;
  } = {},
): Promise<EvaluationReport> {
  const now = options.now ?? new Date();
  const runStamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17);
  const goalsOut: EvaluationReport['goals'][number][] = [];
  await runJudgedGoals(client, goals, {
    runStamp,
    timeoutMs: options.timeoutMs,
    onGoal: (goal, run) => {
      const score = scoreGoal(goal, run);
      goalsOut.push({ goal, run, score });
      options.onGoal?.(goal, score);
    },
  });
  return {
    startedAt: now.toISOString(),
    goals: goalsOut,
    summary: summarizeScores(goalsOut.map((g) => g.score)),
  };
}
