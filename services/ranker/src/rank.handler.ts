import { Controller, Inject } from '@nestjs/common';
import type { Candidate, RankTask, ReportTask } from '@swarm/contracts';
import {
  AcceptedGoal,
  ARTIFACTS,
  Candidate as CandidateSchema,
  CONTEXT_KEYS,
  messageIds,
  QUEUES,
  RankTask as RankTaskSchema,
  ScrapeOutcome,
  SUBJECTS,
} from '@swarm/contracts';
import type { TaskContext, TaskResult } from '@swarm/transport';
import { defineQueue, TaskError, TaskHandler } from '@swarm/transport';
import type { RankerBrain } from './brain/ranker-brain.js';
import { TOKENS } from './tokens.js';

// The rank task's process span links to every scrape that fed the join; a rank task that fails for good fails its goal.
const RANK_QUEUE = defineQueue(QUEUES.rank, RankTaskSchema, {
  failsGoalOnDeadLetter: true,
  traceLinks: (task) => task.contributions.map((contribution) => contribution.traceparent),
});

/** Loads the goal's candidates and scrape outcomes, ranks them, stores the ranking, hands off the report task. */
@Controller()
export class RankHandler {
  constructor(@Inject(TOKENS.brain) private readonly brain: RankerBrain) {}

  @TaskHandler(RANK_QUEUE)
  async rank(task: RankTask, ctx: TaskContext): Promise<TaskResult> {
    const candidates = await ctx.goal.get(CONTEXT_KEYS.candidates, CandidateSchema.array());
    if (!candidates)
      throw TaskError.permanent('missing-candidates', `goal ${task.goalId} has no candidates in its context`);
    const spec = await ctx.goal.get(CONTEXT_KEYS.spec, AcceptedGoal);
    const outcomes = await this.loadOutcomes(candidates.value, ctx);
    const ranking = await ctx.span('rank candidates', { 'swarm.candidates': candidates.value.length }, () =>
      this.brain.rank(
        {
          goalId: task.goalId,
          query: task.query,
          topN: task.topN,
          candidates: candidates.value,
          outcomes,
          weights: task.weights ?? spec?.value.goal.weights,
          now: new Date(),
        },
        ctx.signal,
      ),
    );
    const artifact = await ctx.goal.putArtifact(ARTIFACTS.ranking, JSON.stringify(ranking), 'ranking');
    const report: ReportTask = {
      type: 'task.report',
      ...ctx.envelope({ messageId: messageIds.reportTask(task.goalId) }),
      query: task.query,
      rankingArtifact: artifact,
      requireApproval: spec?.value.goal.requireApproval ?? false,
      ...(spec?.value.goal.deliverTo ? { deliverTo: spec.value.goal.deliverTo } : {}),
    };
    return {
      output: {
        considered: ranking.considered,
        ranked: ranking.ranked.map((entry) => `${entry.candidate.name} (${entry.score.toFixed(2)})`),
        missing: ranking.missing.length,
        artifact,
      },
      emit: [{ subject: SUBJECTS.task.report, message: report }],
    };
  }

  private async loadOutcomes(
    candidates: readonly Candidate[],
    ctx: TaskContext,
  ): Promise<Record<string, ScrapeOutcome | undefined>> {
    const entries = await Promise.all(
      candidates.map(async (candidate, index) => {
        const stored = await ctx.goal.get(CONTEXT_KEYS.scrape(index), ScrapeOutcome);
        return [candidate.id, stored?.value] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}
