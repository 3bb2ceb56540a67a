import { Controller, Inject } from '@nestjs/common';
import type { GoalCompleted, GoalOutcome, ReportTask } from '@swarm/contracts';
import {
  AcceptedGoal,
  ARTIFACTS,
  CONTEXT_KEYS,
  messageIds,
  QUEUES,
  Ranking,
  ReportTask as ReportTaskSchema,
  SUBJECTS,
} from '@swarm/contracts';
import type { TaskContext, TaskResult } from '@swarm/transport';
import { defineQueue, TaskError, TaskHandler } from '@swarm/transport';
import { awaitApproval } from './approval/approval-gate.js';
import type { Decision } from './approval/approval-policy.js';
import { approvalVerdict } from './approval/approval-policy.js';
import type { CommunicationsBrain } from './brain/communications-brain.js';
import type { CommunicationsConfig } from './config.js';
import { deliverOnce } from './delivery/deliver-once.js';
import type { ReportMeta } from './domain/index.js';
import { renderHtmlReport, renderMarkdownReport, summarizeRanking } from './domain/index.js';
import type { DeliverySink } from './sinks/index.js';
import { selectSinks } from './sinks/index.js';
import { TOKENS } from './tokens.js';
import { goalUsage } from './usage/goal-usage.js';

// A report task that failed for good fails its goal.
const REPORT_QUEUE = defineQueue(QUEUES.report, ReportTaskSchema, { failsGoalOnDeadLetter: true });

/** Writes the report, pauses for approval when asked, delivers it once per sink, and completes the goal. */
@Controller()
export class ReportHandler {
  constructor(
    @Inject(TOKENS.config) private readonly config: CommunicationsConfig,
    @Inject(TOKENS.sinks) private readonly sinks: DeliverySink[],
    @Inject(TOKENS.brain) private readonly brain: CommunicationsBrain,
  ) {}

  @TaskHandler(REPORT_QUEUE)
  async report(task: ReportTask, ctx: TaskContext): Promise<TaskResult> {
    const bytes = await ctx.goal.getArtifact(task.rankingArtifact);
    if (!bytes)
      throw TaskError.permanent('missing-ranking', `ranking artifact ${task.rankingArtifact} is missing`);
    const ranking = Ranking.parse(JSON.parse(new TextDecoder().decode(bytes)));
    const goalText = (await ctx.goal.get(CONTEXT_KEYS.spec, AcceptedGoal))?.value.goal.text ?? task.query;
    const summary = summarizeRanking(ranking);
    const generatedBy = ['search', 'scraper', 'ranker', ctx.agent.instance];
    const narrative = await this.brain.write(ranking, goalText, ctx.signal);
    const usage = await goalUsage(ctx);
    const written: ReportMeta = {
      goalText,
      generatedBy,
      ...(narrative ? { narrative } : {}),
      ...(usage.length > 0 ? { usage } : {}),
    };

    let decision: Decision | undefined;
    if (task.requireApproval) {
      const preview = await ctx.goal.putArtifact(
        ARTIFACTS.reportMarkdown,
        renderMarkdownReport(ranking, written),
      );
      decision = await awaitApproval(
        ctx,
        { reportArtifact: preview, summary },
        {
          timeoutMs: this.config.approval.APPROVAL_TIMEOUT_MS,
          pollMs: this.config.approval.APPROVAL_POLL_MS,
        },
      );
      const verdict = approvalVerdict(decision, this.config.approval.APPROVAL_TIMEOUT_POLICY);
      if (verdict !== 'deliver') {
        const why = decision.comment ? `: ${decision.comment}` : '';
        return this.complete(
          ctx,
          verdict,
          `not delivered: ${decision.outcome} by ${decision.by}${why}`,
          preview,
          [],
        );
      }
    }
    const meta: ReportMeta = { ...written, ...(decision ? { approval: decision } : {}) };
    const markdown = renderMarkdownReport(ranking, meta);
    const html = renderHtmlReport(ranking, meta);
    const reportArtifact = await ctx.goal.putArtifact(
      ARTIFACTS.reportMarkdown,
      markdown,
      'report (markdown)',
    );
    await ctx.goal.putArtifact(ARTIFACTS.reportHtml, html, 'report (html)');
    const { delivered, skipped } = await deliverOnce(
      selectSinks(this.sinks, task.deliverTo),
      { goalId: task.goalId, goalText, markdown, html, ranking, idempotencyKey: `${task.goalId}/report` },
      ctx.goal,
      ctx.signal,
      (name, attributes, fn) => ctx.span(name, attributes, fn),
    );
    return this.complete(ctx, 'delivered', summary, reportArtifact, [...skipped, ...delivered]);
  }

  private complete(
    ctx: TaskContext,
    outcome: GoalOutcome,
    summary: string,
    reportArtifact: string,
    deliveredTo: string[],
  ): TaskResult {
    const completed: GoalCompleted = {
      type: 'goal.completed',
      ...ctx.envelope({ messageId: messageIds.goalCompleted(ctx.goalId) }),
      outcome,
      summary: summary.slice(0, 4_000),
      reportArtifact,
      deliveredTo,
    };
    return {
      output: { outcome, deliveredTo, reportArtifact },
      emit: [{ subject: SUBJECTS.event(ctx.goalId, 'goal.completed'), message: completed }],
    };
  }
}
