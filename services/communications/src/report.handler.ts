import { Controller, Inject } from '@nestjs/common';
import type { GoalCompleted, GoalOutcome, ReportTask, UncertainEffect } from '@swarm/contracts';
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
import { lookAtApproval } from './approval/approval-gate.js';
import { isResume } from './approval/resume-task.js';
import type { ClosedApproval } from './approval/approval-policy.js';
import { approvalVerdict, reportApproval } from './approval/approval-policy.js';
import type { CommunicationsBrain } from './brain/communications-brain.js';
import type { CommunicationsConfig } from './config.js';
import { deliverOnce } from './delivery/deliver-once.js';
import type { ReportMeta } from './domain/index.js';
import {
  rankingArtifactOf,
  renderHtmlReport,
  renderMarkdownReport,
  reportOutcome,
  reportTaskNotDue,
  summarizeRanking,
  withPackagePages,
} from './domain/index.js';
import type { DeliverySink } from './sinks/index.js';
import { selectSinks } from './sinks/index.js';
import { TOKENS } from './tokens.js';
import { goalBudget, goalUsage } from './usage/goal-usage.js';

/**
 * Stores a report artifact once and returns what is stored: a redelivered task whose first attempt already
 * stored it gets (and delivers) the first attempt's content, never an overwrite.
 */
async function storeOnce(
  ctx: TaskContext,
  artifact: string,
  content: string,
  description: string,
): Promise<{ name: string; content: string }> {
  const stored = await ctx.goal.putArtifact(artifact, content, description);
  if (stored.created) return { name: stored.name, content };
  const bytes = await ctx.goal.getArtifact(stored.name);
  if (!bytes) throw TaskError.retryable('report-not-stored', `report artifact ${stored.name} is missing`);
  return { name: stored.name, content: new TextDecoder().decode(bytes) };
}

// A report task that failed for good fails its goal.
const REPORT_QUEUE = defineQueue(QUEUES.report, ReportTaskSchema, { failsGoalOnDeadLetter: true });

/**
 * Writes the report, asks for approval when the goal wants it, delivers it once per sink through the goal's
 * side-effect ledger (a sink that may have been reached by a dead attempt and is not safe to repeat is named in
 * `uncertainDeliveries`), and completes the goal. A goal whose approval nobody decided yet is parked: the task ends without completing the goal, holding
 * no slot or lease, and a resume task (`resume-task.ts`, published by the ApprovalResumer) runs this handler
 * again once a decision or the deadline is there. A task whose goal has no ranking for it (`reportTaskNotDue`)
 * is refused as `task-not-due`, the goal untouched.
 */
@Controller()
export class ReportHandler {
  constructor(
    @Inject(TOKENS.config) private readonly config: CommunicationsConfig,
    @Inject(TOKENS.sinks) private readonly sinks: DeliverySink[],
    @Inject(TOKENS.brain) private readonly brain: CommunicationsBrain,
  ) {}

  @TaskHandler(REPORT_QUEUE)
  async report(task: ReportTask, ctx: TaskContext): Promise<TaskResult> {
    const resumed = isResume(task);
    // A resume finding the goal ended has nothing to do. Only on its first delivery: a redelivered task may be
    // the one that recorded the end and still owes the goal.completed.
    if (resumed && ctx.deliveryCount === 1 && (await ctx.goal.get(CONTEXT_KEYS.end(QUEUES.report.name))))
      return { output: { resumed: true, alreadyEnded: true } };
    const spec = (await ctx.goal.get(CONTEXT_KEYS.spec, AcceptedGoal))?.value;
    const bytes = await ctx.goal.getArtifact(rankingArtifactOf(task.goalId));
    const parsed = bytes ? Ranking.parse(JSON.parse(new TextDecoder().decode(bytes))) : undefined;
    const ranking = parsed && withPackagePages(parsed, this.config.report.REPORT_PACKAGE_PAGE_URL);
    // Anyone who may publish report tasks can name any goal: only the ranker's ranking says the goal got here.
    const notDue = reportTaskNotDue(task, { ranking, spec });
    if (notDue !== undefined || !ranking) throw TaskError.notDue(notDue ?? 'no ranking');
    const summary = summarizeRanking(ranking);

    let written: ReportMeta;
    let approval: ClosedApproval | undefined;
    if (task.requireApproval) {
      // The draft is stored once: a resumed goal delivers the report its approver saw, not a new draft.
      written = await this.draftOnce(ctx, ranking, spec?.goal.text ?? task.query);
      const { name: preview } = await storeOnce(
        ctx,
        ARTIFACTS.reportPreview,
        renderMarkdownReport(ranking, written),
        'report preview (awaiting approval)',
      );
      const standing = await lookAtApproval(
        ctx,
        { reportArtifact: preview, summary },
        { timeoutMs: this.config.approval.APPROVAL_TIMEOUT_MS },
        !resumed,
      );
      // Parked: the task ends and frees its slot; a decision or the deadline resumes the goal.
      if (standing.status === 'pending')
        return { output: { parked: true, expiresAt: standing.expiresAt, reportArtifact: preview } };
      approval = standing;
      const verdict = approvalVerdict(approval, this.config.approval.APPROVAL_TIMEOUT_POLICY);
      if (verdict !== 'deliver') {
        const why =
          approval.status === 'expired'
            ? `approval expired at ${approval.at} with no decision`
            : `${approval.outcome} by ${approval.by}${approval.comment ? `: ${approval.comment}` : ''}`;
        return this.complete(ctx, verdict, `not delivered: ${why}`, preview, [], approval);
      }
    } else {
      written = await this.draft(ctx, ranking, spec?.goal.text ?? task.query);
    }
    const meta: ReportMeta = { ...written, ...(approval ? { approval: reportApproval(approval) } : {}) };
    const { name: reportArtifact, content: markdown } = await storeOnce(
      ctx,
      ARTIFACTS.reportMarkdown,
      renderMarkdownReport(ranking, meta),
      'report (markdown)',
    );
    const { content: html } = await storeOnce(
      ctx,
      ARTIFACTS.reportHtml,
      renderHtmlReport(ranking, meta),
      'report (html)',
    );
    const { delivered, reused, uncertain } = await deliverOnce(
      selectSinks(this.sinks, task.deliverTo),
      {
        goalId: task.goalId,
        goalText: written.goalText,
        markdown,
        html,
        ranking,
        idempotencyKey: `${task.goalId}/report`,
      },
      ctx.effects,
      ctx.signal,
      (name, attributes, fn) => ctx.span(name, attributes, fn),
    );
    // An empty ranking (nothing cleared the relevance floor) still reaches the sinks, saying nothing fitted.
    const outcome = reportOutcome(ranking);
    return this.complete(
      ctx,
      outcome,
      summary,
      reportArtifact,
      [...reused, ...delivered],
      approval,
      uncertain,
    );
  }

  /**
   * What the report is written from: the goal, the agents, the brain's narrative, the goal's model usage and its
   * budget.
   */
  private async draft(ctx: TaskContext, ranking: Ranking, goalText: string): Promise<ReportMeta> {
    const generatedBy = ['search', 'scraper', 'ranker', ctx.agent.instance];
    const narrative = await this.brain.write(ranking, goalText, ctx.signal);
    const usage = await goalUsage(ctx);
    const budget = await goalBudget(ctx);
    return {
      goalText,
      generatedBy,
      ...(narrative ? { narrative } : {}),
      ...(usage.length > 0 ? { usage } : {}),
      ...(budget ? { budget } : {}),
    };
  }

  /** The stored draft of a report awaiting approval, written (and stored) by the first attempt that needs it. */
  private async draftOnce(ctx: TaskContext, ranking: Ranking, goalText: string): Promise<ReportMeta> {
    const stored = await ctx.goal.getArtifact(ARTIFACTS.reportDraft);
    if (stored) return JSON.parse(new TextDecoder().decode(stored)) as ReportMeta;
    const written = await this.draft(ctx, ranking, goalText);
    const { content } = await storeOnce(
      ctx,
      ARTIFACTS.reportDraft,
      JSON.stringify(written),
      'report draft (awaiting approval)',
    );
    return JSON.parse(content) as ReportMeta;
  }

  /** The goal's end; after a decision it is caused by the decision's audit event. */
  private complete(
    ctx: TaskContext,
    outcome: GoalOutcome,
    summary: string,
    reportArtifact: string,
    deliveredTo: string[],
    approval?: ClosedApproval,
    uncertain: readonly UncertainEffect[] = [],
  ): TaskResult {
    const completed: GoalCompleted = {
      type: 'goal.completed',
      // About the goal's report task, also when a resume task (after parking) delivers it.
      ...ctx.envelope({
        messageId: messageIds.goalCompleted(ctx.goalId),
        taskId: messageIds.reportTask(ctx.goalId),
      }),
      ...(approval?.status === 'decided' ? { causationId: messageIds.approvalDecided(ctx.goalId) } : {}),
      queue: ctx.queue,
      agent: ctx.agent,
      outcome,
      summary: summary.slice(0, 4_000),
      reportArtifact,
      deliveredTo,
      // Sinks an earlier attempt may have reached (its replica died before recording), not sent again.
      ...(uncertain.length > 0 ? { uncertainDeliveries: [...uncertain] } : {}),
    };
    return {
      output: {
        outcome,
        deliveredTo,
        reportArtifact,
        ...(uncertain.length > 0 ? { uncertainDeliveries: [...uncertain] } : {}),
      },
      emit: [{ subject: SUBJECTS.event(ctx.goalId, 'goal.completed'), message: completed }],
    };
  }
}
