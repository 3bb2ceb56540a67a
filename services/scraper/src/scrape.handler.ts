import { Controller, Inject } from '@nestjs/common';
import type {
  Candidate,
  DeadLetterRecord,
  Envelope,
  ErrorInfo,
  ScrapeOutcome,
  ScrapeTask,
} from '@swarm/contracts';
import {
  AcceptedGoal,
  Candidate as CandidateSchema,
  CONTEXT_KEYS,
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
import type { ScraperBrain } from './brain/scraper-brain.js';
import type { ScraperConfig } from './config.js';
import { SCRAPE_ERROR_CODES } from './domain/errors.js';
import { scrapeTaskNotDue } from './domain/scrape-due.js';
import { buildRankTask, shouldEmitRank } from './domain/scrape-join.js';
import type { FetchedPage, PageFetcher } from './fetch/page-fetcher.js';
import { landInJoin } from './join/slot-join.js';
import { TOKENS } from './tokens.js';

const SCRAPE_QUEUE = defineQueue(QUEUES.scrape, ScrapeTaskSchema);

/**
 * Scrapes one candidate page (fetch, then the brain's extraction), records the outcome in the goal's context,
 * and lands it in the join: the scrape that completes the join hands off the rank task. A page whose fetch fails
 * for good, or that is over an extraction bound (`page-too-complex`), is recorded as missing, not thrown, so the
 * goal goes on without it; a transient failure is thrown and
 * retried by the transport. Extraction errors (a model's invalid output, an unknown model) are always thrown: the
 * transport retries or dead-letters the task, and a dead-lettered scrape still lands in the join as failed. A task
 * the goal's candidates do not name (`scrapeTaskNotDue`) is refused as `task-not-due` and never lands.
 */
@Controller()
export class ScrapeHandler {
  constructor(
    @Inject(TOKENS.config) private readonly config: ScraperConfig,
    @Inject(TOKENS.fetcher) private readonly fetcher: PageFetcher,
    @Inject(TOKENS.brain) private readonly brain: ScraperBrain,
  ) {}

  @TaskHandler(SCRAPE_QUEUE)
  async scrape(task: ScrapeTask, ctx: TaskContext): Promise<TaskResult> {
    // Anyone who may publish scrape tasks can name any goal and page: only the search's candidates say it is due.
    const notDue = scrapeTaskNotDue(task, await this.candidatesOf(ctx.goal));
    if (notDue !== undefined) throw TaskError.notDue(notDue);
    const { outcome: scraped, extractMs } = await this.scrapeOnce(task, ctx);
    const outcome = ctx.trace.traceparent ? { ...scraped, traceparent: ctx.trace.traceparent } : scraped;
    const emit = await this.land(ctx.goal, task, outcome, ctx.deliveryCount > 1, (ids) => ctx.envelope(ids));
    const output = outcome.ok
      ? {
          ok: true,
          url: outcome.extract.finalUrl,
          bytes: outcome.extract.bytes,
          features: outcome.extract.features.length,
        }
      : { ok: false, url: outcome.url, error: outcome.error.code };
    const timing = extractMs === undefined ? {} : { extractMs: Math.round(extractMs * 10) / 10 };
    return {
      output: { ...output, ...timing, joined: emit.length > 0 ? 'last: rank task emitted' : 'landed' },
      emit,
    };
  }

  /** A scrape that was dead-lettered (retries exhausted, or its replica died) still lands in the join. */
  @OnDeadLetter(SCRAPE_QUEUE)
  async deadLettered(record: DeadLetterRecord, ctx: DeadLetterContext): Promise<TaskResult> {
    if (!ctx.goal || record.payload.truncated || record.payload.encoding !== 'utf8') return {};
    const parsed = ScrapeTaskSchema.safeParse(JSON.parse(record.payload.data));
    if (!parsed.success) return {};
    const task = parsed.data;
    if (scrapeTaskNotDue(task, await this.candidatesOf(ctx.goal)) !== undefined) return {};
    const outcome: ScrapeOutcome = {
      ok: false,
      candidateId: task.candidate.id,
      taskId: task.taskId,
      url: task.candidate.url,
      error: record.reason,
    };
    return { emit: await this.land(ctx.goal, task, outcome, true, (ids) => ctx.envelope(ids)) };
  }

  /** The goal's `candidates`, as the search agent stored them. */
  private async candidatesOf(goal: GoalContext): Promise<Candidate[] | undefined> {
    return (await goal.get(CONTEXT_KEYS.candidates, CandidateSchema.array()))?.value;
  }

  /** The outcome, and how long the brain's extraction took (ms; absent when the page was not fetched). */
  private async scrapeOnce(
    task: ScrapeTask,
    ctx: TaskContext,
  ): Promise<{ outcome: ScrapeOutcome; extractMs?: number }> {
    const { candidate, taskId } = task;
    const page = await this.fetchPage(candidate.url, ctx);
    if ('error' in page) {
      return { outcome: { ok: false, candidateId: candidate.id, taskId, url: candidate.url, ...page } };
    }
    const meta = {
      url: page.url,
      finalUrl: page.finalUrl,
      bytes: page.bytes,
      fetchedAt: new Date().toISOString(),
      maxTextChars: this.config.maxTextChars,
    };
    const started = performance.now();
    try {
      const extract = await this.brain.extract(page.body, meta, ctx.signal);
      return {
        outcome: { ok: true, candidateId: candidate.id, taskId, extract },
        extractMs: performance.now() - started,
      };
    } catch (error) {
      // A page over an extraction bound is missing for good, like one too large to fetch: never retried.
      if (!(error instanceof TaskError) || error.code !== SCRAPE_ERROR_CODES.pageTooComplex) throw error;
      const { url } = candidate;
      const outcome: ScrapeOutcome = {
        ok: false,
        candidateId: candidate.id,
        taskId,
        url,
        error: describeError(error),
      };
      return { outcome, extractMs: performance.now() - started };
    }
  }

  /** The page, or why it is missing: a fetch failure that is permanent; a transient one is thrown. */
  private async fetchPage(url: string, ctx: TaskContext): Promise<FetchedPage | { error: ErrorInfo }> {
    try {
      return await ctx.span('GET', { 'http.request.method': 'GET', 'url.full': url }, () =>
        this.fetcher.fetch(url, ctx.signal),
      );
    } catch (error) {
      const info = describeError(error);
      if (info.retryable) throw error;
      return { error: info };
    }
  }

  private async land(
    goal: GoalContext,
    task: ScrapeTask,
    outcome: ScrapeOutcome,
    mayRepeat: boolean,
    envelope: (ids: { messageId: string }) => Envelope,
  ): Promise<OutboundMessage[]> {
    const join = await landInJoin(goal, task, outcome);
    if (!join.complete || !shouldEmitRank({ ...join, mayRepeat })) return [];
    const accepted = await goal.get(CONTEXT_KEYS.spec, AcceptedGoal);
    if (!accepted)
      throw TaskError.permanent('missing-goal', `goal ${task.goalId} has no accepted spec in its context`);
    return [
      {
        subject: SUBJECTS.task.rank,
        message: buildRankTask(task.goalId, join.slots, accepted.value, envelope),
      },
    ];
  }
}
