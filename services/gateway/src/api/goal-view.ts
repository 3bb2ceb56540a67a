import type { ApprovalResolution, BudgetRecord, GoalEvidence } from '@swarm/contracts';
import { budgetLeft, reservedOf } from '@swarm/contracts';
import { judgeGoalEvents, renderIgnored, summarizeGoal, summarizeUsage } from '@swarm/goal-views';
import type { ApprovalResolutionView, BudgetView, GoalView } from './gateway-operations.js';
import type { SequencedEvent } from './timeline-entries.js';
import { toTimelineEntry, traceIdOf } from './timeline-entries.js';
import { API_PREFIX } from './tokens.js';

/** The API path of a goal's resources. Pure. */
export function goalLinks(goalId: string): { self: string; events: string; report: string } {
  const self = `${API_PREFIX}/goals/${encodeURIComponent(goalId)}`;
  return { self, events: `${self}/events`, report: `${self}/report` };
}

/** The contract's approval resolution as the API shows it (no revisions). Pure. */
export function approvalView(resolution: ApprovalResolution): ApprovalResolutionView {
  switch (resolution.status) {
    case 'not-requested':
      return { status: 'not-requested' };
    case 'pending':
      return { status: 'pending', request: resolution.request };
    case 'expired':
      return { status: 'expired', request: resolution.request, at: resolution.at };
    case 'decided':
      return {
        status: 'decided',
        request: resolution.request,
        outcome: resolution.outcome,
        by: resolution.by,
        ...(resolution.comment === undefined ? {} : { comment: resolution.comment }),
        at: resolution.at,
      };
  }
}

/** A goal's budget record as the API shows it: what is left and reserved worked out, additions counted. Pure. */
export function budgetView(record: BudgetRecord): BudgetView {
  return {
    limits: record.limits,
    spent: record.spent,
    reserved: reservedOf(record),
    left: budgetLeft(record),
    ...(record.deadlineAt === undefined ? {} : { deadlineAt: new Date(record.deadlineAt).toISOString() }),
    policy: record.onExhausted,
    ...(record.exhausted ? { exhausted: record.exhausted } : {}),
    additions: record.additions.map((addition) => ({
      by: addition.by,
      at: addition.at,
      add: addition.add,
      ...(addition.deadlineMs === undefined ? {} : { deadlineMs: addition.deadlineMs }),
      resumed: addition.resumed?.length ?? 0,
    })),
  };
}

/** What `buildGoalView` reads: the goal's stored events, its context as evidence, its approval, its budget. */
export interface GoalReading {
  readonly goalId: string;
  readonly events: readonly SequencedEvent[];
  readonly evidence: GoalEvidence | undefined;
  readonly approval: ApprovalResolution;
  /** The goal's budget record, when it has one. */
  readonly budget?: BudgetRecord;
  /** The `traceparent` of the goal's submission: the goal's trace. */
  readonly traceparent: string | undefined;
  readonly jaegerUrl: string | undefined;
}

/**
 * A goal's full view from its events: only events a reader honours count (`judgeGoalEvents`: a terminal event
 * needs its end record), the rest are listed as `ignored` with why. Pure.
 */
export function buildGoalView(reading: GoalReading): GoalView {
  const { goalId } = reading;
  const seqOf = new Map(reading.events.map((entry) => [entry.event, entry.seq]));
  const judged = judgeGoalEvents(
    goalId,
    reading.events.map((entry) => entry.event),
    reading.evidence,
  );
  const summary = summarizeGoal(goalId, judged.honoured);
  const usage = summarizeUsage(judged.honoured);
  const traceId = traceIdOf(reading.traceparent);
  const links = goalLinks(goalId);
  const delivered = summary.state === 'completed' && summary.reportArtifact !== undefined;
  const view: GoalView = {
    goalId,
    state: summary.state,
    counts: {
      claims: summary.claims,
      completedTasks: summary.completedTasks,
      retries: summary.retries,
      deadLettered: summary.deadLettered,
    },
    instances: [...summary.instances],
    approval: approvalView(reading.approval),
    reports: delivered
      ? { markdown: `${links.report}?format=md`, html: `${links.report}?format=html` }
      : null,
    timeline: judged.honoured.map((event) => toTimelineEntry({ seq: seqOf.get(event) ?? 0, event })),
    ignored: judged.ignored.map((ignored) => ({
      seq: seqOf.get(ignored.event) ?? 0,
      type: ignored.event.type,
      reason: renderIgnored(ignored),
    })),
  };
  return {
    ...view,
    ...(summary.text === undefined ? {} : { text: summary.text }),
    ...(summary.outcome === undefined ? {} : { outcome: summary.outcome }),
    ...(summary.summary === undefined ? {} : { summary: summary.summary }),
    ...(summary.startedAt ? { startedAt: summary.startedAt.toISOString() } : {}),
    ...(summary.endedAt ? { endedAt: summary.endedAt.toISOString() } : {}),
    ...(usage
      ? {
          usage: {
            byAgent: [...usage.byAgent].map((a) => ({ ...a, models: [...a.models] })),
            total: { ...usage.total, models: [...usage.total.models] },
          },
        }
      : {}),
    ...(reading.budget ? { budget: budgetView(reading.budget) } : {}),
    ...(traceId ? { traceId } : {}),
    ...(traceId && reading.jaegerUrl ? { traceUrl: `${reading.jaegerUrl}/trace/${traceId}` } : {}),
  };
}
