import { Controller, Inject } from '@nestjs/common';
import type { AcceptedGoal, Candidate, GoalCompleted, GoalSubmitted, ScrapeTask } from '@swarm/contracts';
import {
  CONTEXT_KEYS,
  goalFingerprint,
  GoalSubmitted as GoalSubmittedSchema,
  messageIds,
  QUEUES,
  SUBJECTS,
} from '@swarm/contracts';
import type { TaskContext, TaskResult } from '@swarm/transport';
import { defineQueue, TaskError, TaskHandler } from '@swarm/transport';
import type { QueryPlan } from './brain/query-plan-output.js';
import type { SearchBrain } from './brain/search-brain.js';
import type { SearchConfig } from './config.js';
import { selectCandidates } from './domain/candidates.js';
import type { SearchSource } from './sources/search-source.js';
import { TOKENS } from './tokens.js';

/** A goal id reused with other content: the original goal must not be failed by the impostor. */
const GOAL_ID_REUSED = 'goal-id-reused';
// A goal that cannot be processed fails, unless it was an impostor reusing another goal's id.
const GOAL_QUEUE = defineQueue(QUEUES.search, GoalSubmittedSchema, {
  failsGoalOnDeadLetter: (reason) => reason.code !== GOAL_ID_REUSED,
});

/**
 * Accepts a goal (refusing a goal id reused with other content), has the brain search the sources, stores the
 * candidates and the scrape join in the goal's context, and fans out one scrape task per candidate. A search that
 * finds nothing completes the goal with a clear "nothing found". A model brain's query plan goes into the
 * `task.completed` output (`output.plan`), so the audit trail shows what the model asked for.
 */
@Controller()
export class GoalHandler {
  constructor(
    @Inject(TOKENS.config) private readonly config: SearchConfig,
    @Inject(TOKENS.sources) private readonly sources: SearchSource[],
    @Inject(TOKENS.brain) private readonly brain: SearchBrain,
  ) {}

  @TaskHandler(GOAL_QUEUE)
  async onGoal(submitted: GoalSubmitted, ctx: TaskContext): Promise<TaskResult> {
    const { goal, goalId } = submitted;
    const fingerprint = goalFingerprint(goal);
    const accepted = await ctx.goal.create<AcceptedGoal>(CONTEXT_KEYS.spec, {
      fingerprint,
      goal,
      acceptedAt: new Date().toISOString(),
    });
    if (!accepted.created && accepted.value.fingerprint !== fingerprint) {
      throw TaskError.permanent(
        GOAL_ID_REUSED,
        `goal id ${goalId} is already taken by a goal with other content (fingerprint ${accepted.value.fingerprint}, this one ${fingerprint})`,
      );
    }
    const { terms, hits, failures, plan } = await ctx.span(
      'search index',
      { 'swarm.search.sources': this.sourceNames() },
      () => this.brain.search(goal, this.sources, ctx.signal),
    );
    if (terms === '')
      return this.nothingFound(ctx, `the goal "${goal.text}" names nothing to search for`, terms, plan);
    for (const failure of failures) {
      await ctx.progress(
        `source ${failure.source} failed: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`,
      );
    }
    const found = selectCandidates(hits, {
      topN: goal.topN,
      factor: this.config.search.SEARCH_CANDIDATE_FACTOR,
    });
    if (found.length === 0)
      return this.nothingFound(ctx, `nothing in ${this.sourceNames()} matches "${terms}"`, terms, plan);

    // First write wins: a redelivered goal fans out exactly the candidates it fanned out before.
    const candidates = (await ctx.goal.create<Candidate[]>(CONTEXT_KEYS.candidates, found)).value;
    const emit = candidates.map((candidate, candidateIndex) => {
      const task: ScrapeTask = {
        type: 'task.scrape',
        ...ctx.envelope({ messageId: messageIds.scrapeTask(goalId, candidateIndex) }),
        candidate,
        candidateIndex,
        candidateCount: candidates.length,
      };
      return { subject: SUBJECTS.task.scrape, message: task };
    });
    return {
      output: {
        terms,
        sources: this.sourceNames(),
        candidates: candidates.map((c) => c.name),
        ...(plan ? { plan } : {}),
      },
      emit,
    };
  }

  private nothingFound(ctx: TaskContext, summary: string, terms: string, plan?: QueryPlan): TaskResult {
    const completed: GoalCompleted = {
      type: 'goal.completed',
      ...ctx.envelope({ messageId: messageIds.goalCompleted(ctx.goalId) }),
      queue: ctx.queue,
      agent: ctx.agent,
      outcome: 'nothing-found',
      summary,
      reportArtifact: null,
      deliveredTo: [],
    };
    return {
      output: { terms, candidates: [], ...(plan ? { plan } : {}) },
      emit: [{ subject: SUBJECTS.event(ctx.goalId, 'goal.completed'), message: completed }],
    };
  }

  private sourceNames(): string {
    return this.sources.map((source) => source.name).join(', ');
  }
}
