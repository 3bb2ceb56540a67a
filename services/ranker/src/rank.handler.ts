import { Controller, Inject } from '@nestjs/common';
import type { Candidate, Ranking, RankTask, ReportTask } from '@swarm/contracts';
import {
  AcceptedGoal,
  ARTIFACTS,
  Candidate as CandidateSchema,
  CONTEXT_KEYS,
  messageIds,
  QUEUES,
  Ranking as RankingSchema,
  RankTask as RankTaskSchema,
  ScrapeOutcome,
  SUBJECTS,
} from '@swarm/contracts';
import type { TaskContext, TaskResult } from '@swarm/transport';
import { defineQueue, TaskError, TaskHandler } from '@swarm/transport';
import type { RankerBrain } from './brain/ranker-brain.js';
import { rankTaskNotDue } from './domain/index.js';
import { TOKENS } from './tokens.js';

// The rank task's process span links to every scrape that fed the join; a rank task that fails for good fails its goal.
const RANK_QUEUE = defineQueue(QUEUES.rank, RankTaskSchema, {
  failsGoalOnDeadLetter: true,
  traceLinks: (task) => task.contributions.map((contribution) => contribution.traceparent),
});

/**
 * Loads the goal's candidates and scrape outcomes, refuses the task unless the goal's context says it is due
 * (`rankTaskNotDue`: dead-lettered as `task-not-due`, the goal untouched), ranks them, stores the ranking, and
 * hands off the report task.
 */
@Controller()
export class RankHandler {
  constructor(@Inject(TOKENS.brain) private readonly brain: RankerBrain) {}

  @TaskHandler(RANK_QUEUE)
  async rank(task: RankTask, ctx: TaskContext): Promise<TaskResult> {
    const candidates = (await ctx.goal.get(CONTEXT_KEYS.candidates, CandidateSchema.array()))?.value;
    const spec = (await ctx.goal.get(CONTEXT_KEYS.spec, AcceptedGoal))?.value;
    const scrapes = await this.loadScrapes(candidates ?? [], ctx);
    // Anyone who may publish rank tasks can name any goal: only the goal's context says it is due.
    const notDue = rankTaskNotDue(task, { candidates, scrapes, spec });
    if (notDue !== undefined || !candidates) throw TaskError.notDue(notDue ?? 'no candidates');
    const outcomes = Object.fromEntries(candidates.map((candidate, index) => [candidate.id, scrapes[index]]));
    const computed = await ctx.span('rank candidates', { 'swarm.candidates': candidates.length }, () =>
      this.brain.rank(
        {
          goalId: task.goalId,
          query: task.query,
          topN: task.topN,
          candidates,
          outcomes,
          weights: task.weights ?? spec?.goal.weights,
          now: new Date(),
        },
        ctx.signal,
      ),
    );
    // Written once: a redelivered task whose first attempt stored a ranking hands off (and reports) that one.
    const stored = await ctx.goal.putArtifact(ARTIFACTS.ranking, JSON.stringify(computed), 'ranking');
    const ranking = stored.created ? computed : await this.storedRanking(stored.name, ctx);
    const artifact = stored.name;
    const report: ReportTask = {
      type: 'task.report',
      ...ctx.envelope({ messageId: messageIds.reportTask(task.goalId) }),
      query: task.query,
      rankingArtifact: artifact,
      requireApproval: spec?.goal.requireApproval ?? false,
      ...(spec?.goal.deliverTo ? { deliverTo: spec.goal.deliverTo } : {}),
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

  private async storedRanking(artifact: string, ctx: TaskContext): Promise<Ranking> {
    const bytes = await ctx.goal.getArtifact(artifact);
    if (!bytes) throw TaskError.retryable('ranking-not-stored', `ranking artifact ${artifact} is missing`);
    return RankingSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
  }

  /** The join's slot `scrape.<i>` of each candidate, in candidate order; undefined where it has not landed. */
  private loadScrapes(
    candidates: readonly Candidate[],
    ctx: TaskContext,
  ): Promise<(ScrapeOutcome | undefined)[]> {
    return Promise.all(
      candidates.map(
        async (_, index) => (await ctx.goal.get(CONTEXT_KEYS.scrape(index), ScrapeOutcome))?.value,
      ),
    );
  }
}
