import { Controller, Inject } from '@nestjs/common';
import type { DeadLetterRecord, Envelope, ScrapeOutcome, ScrapeTask } from '@swarm/contracts';
import {
  AcceptedGoal,
  CONTEXT_KEYS,
  JoinState,
  QUEUES,
  ScrapeTask as ScrapeTaskSchema,
  SUBJECTS,
} from '@swarm/contracts';
import type {
  DeadLetterContext,
  GoalContext,
  OutboundMessage,
  TaskContext,
  TaskResult,
} from '@swarm/transport';
import { defineQueue, describeError, OnDeadLetter, TaskError, TaskHandler } from '@swarm/transport';
import type { ScraperConfig } from './config.js';
import { extractPage } from './domain/extract-page.js';
import type { Landing } from './domain/scrape-join.js';
import { buildRankTask, isJoinComplete, landScrape, shouldEmitRank } from './domain/scrape-join.js';
import type { PageFetcher } from './fetch/page-fetcher.js';
import { TOKENS } from './tokens.js';

const SCRAPE_QUEUE = defineQueue(QUEUES.scrape, ScrapeTaskSchema);

/**
 * Scrapes one candidate page, records the outcome in the goal's context, and lands it in the join: the scrape
 * that completes the join hands off the rank task. A page that fails for good is recorded as missing, not thrown,
 * so the goal goes on without it; a transient failure is thrown and retried by the transport.
 */
@Controller()
export class ScrapeHandler {
  constructor(
    @Inject(TOKENS.config) private readonly config: ScraperConfig,
    @Inject(TOKENS.fetcher) private readonly fetcher: PageFetcher,
  ) {}

  @TaskHandler(SCRAPE_QUEUE)
  async scrape(task: ScrapeTask, ctx: TaskContext): Promise<TaskResult> {
    const outcome = await this.scrapeOnce(task, ctx);
    await ctx.goal.create(CONTEXT_KEYS.scrape(task.candidateIndex), outcome);
    const landing: Landing = {
      candidateIndex: task.candidateIndex,
      candidateId: task.candidate.id,
      taskId: task.taskId,
      ok: outcome.ok,
      ...(ctx.trace.traceparent ? { traceparent: ctx.trace.traceparent } : {}),
    };
    const emit = await this.land(ctx.goal, task.goalId, landing, ctx.deliveryCount > 1, (ids) =>
      ctx.envelope(ids),
    );
    const output = outcome.ok
      ? {
          ok: true,
          url: outcome.extract.finalUrl,
          bytes: outcome.extract.bytes,
          features: outcome.extract.features.length,
        }
      : { ok: false, url: outcome.url, error: outcome.error.code };
    return { output: { ...output, joined: emit.length > 0 ? 'last: rank task emitted' : 'landed' }, emit };
  }

  /** A scrape that was dead-lettered (retries exhausted, or its replica died) still lands in the join. */
  @OnDeadLetter(SCRAPE_QUEUE)
  async deadLettered(record: DeadLetterRecord, ctx: DeadLetterContext): Promise<TaskResult> {
    if (!ctx.goal || record.payload.truncated || record.payload.encoding !== 'utf8') return {};
    const parsed = ScrapeTaskSchema.safeParse(JSON.parse(record.payload.data));
    if (!parsed.success) return {};
    const task = parsed.data;
    const outcome: ScrapeOutcome = {
      ok: false,
      candidateId: task.candidate.id,
      taskId: task.taskId,
      url: task.candidate.url,
      error: record.reason,
    };
    await ctx.goal.create(CONTEXT_KEYS.scrape(task.candidateIndex), outcome);
    const landing: Landing = {
      candidateIndex: task.candidateIndex,
      candidateId: task.candidate.id,
      taskId: task.taskId,
      ok: false,
    };
    return { emit: await this.land(ctx.goal, task.goalId, landing, true, (ids) => ctx.envelope(ids)) };
  }

  private async scrapeOnce(task: ScrapeTask, ctx: TaskContext): Promise<ScrapeOutcome> {
    const { candidate } = task;
    try {
      const page = await ctx.span('GET', { 'http.request.method': 'GET', 'url.full': candidate.url }, () =>
        this.fetcher.fetch(candidate.url, ctx.signal),
      );
      const extract = extractPage(page.body, {
        url: page.url,
        finalUrl: page.finalUrl,
        bytes: page.bytes,
        fetchedAt: new Date().toISOString(),
        maxTextChars: this.config.maxTextChars,
      });
      return { ok: true, candidateId: candidate.id, taskId: task.taskId, extract };
    } catch (error) {
      const info = describeError(error);
      if (info.retryable) throw error;
      return { ok: false, candidateId: candidate.id, taskId: task.taskId, url: candidate.url, error: info };
    }
  }

  private async land(
    goal: GoalContext,
    goalId: string,
    landing: Landing,
    mayRepeat: boolean,
    envelope: (ids: { messageId: string }) => Envelope,
  ): Promise<OutboundMessage[]> {
    // verify: redo the landing if a concurrent write replaced it (clustered servers before 2.9.21 allow that).
    const result = await goal.update<JoinState>(
      CONTEXT_KEYS.join,
      (state) => {
        if (!state) return undefined;
        return landScrape(JoinState.parse(state), landing);
      },
      { verify: true },
    );
    if (!result.value)
      throw TaskError.permanent('missing-join', `goal ${goalId} has no scrape join in its context`);
    const join = JoinState.parse(result.value);
    const complete = isJoinComplete(join);
    if (!shouldEmitRank({ complete, completedByThis: result.changed && complete, mayRepeat })) return [];
    const accepted = await goal.get(CONTEXT_KEYS.spec, AcceptedGoal);
    if (!accepted)
      throw TaskError.permanent('missing-goal', `goal ${goalId} has no accepted spec in its context`);
    return [{ subject: SUBJECTS.task.rank, message: buildRankTask(goalId, join, accepted.value, envelope) }];
  }
}
