import type { ModelUsage } from '@swarm/contracts';
import type { GoalHead } from '../goal-board.js';
import type { GoalEvent } from '../goal-timeline.js';

// Fixtures for the specs of this lib and of the doors that render its views (the CLI's display specs).

/** Second `s` of 2026-11-21T00:00:00Z. */
export const t = (s: number) => new Date(Date.UTC(2026, 10, 21, 0, 0, s));

/** Second `s` of 2026-11-21T09:00:00Z (the board's clock). */
export const boardTime = (second: number) => new Date(Date.UTC(2026, 10, 21, 9, 0, second));

/** A board head submitted at sequence `seq`, ended a second later unless open. */
export const boardHead = (goalId: string, seq: number, outcome: GoalHead['outcome'] = 'open'): GoalHead => ({
  goalId,
  submittedSeq: seq,
  lastSubmittedAt: boardTime(seq),
  outcome,
  endedAt: outcome === 'open' ? undefined : boardTime(seq + 1),
});

/** An event of `type` at the epoch with `body` (its `type` set too). */
export const plainEvent = (type: string, body: Record<string, unknown> = {}): GoalEvent => ({
  type,
  time: new Date(0),
  body: { type, ...body },
});

const agent = (kind: string, instance: string) => ({ kind, instance });
/** A goal that was submitted, claimed, retried, handed off and delivered: one event of each kind, `t(0)`..`t(5)`. */
export const sampleGoalEvents: readonly GoalEvent[] = [
  { type: 'goal.submitted', time: t(0), body: { goalId: 'g', goal: { text: 'agents' } } },
  {
    type: 'task.claimed',
    time: t(1),
    body: { taskId: 'g/search', deliveryCount: 1, waitedMs: 3, agent: agent('search', 'search-1') },
  },
  {
    type: 'task.failed',
    time: t(2),
    body: {
      taskId: 'g/scrape/0',
      deliveryCount: 1,
      willRetry: true,
      retryInMs: 1000,
      deadLetterId: null,
      error: { code: 'timeout', message: 'slow' },
      agent: agent('scraper', 'scraper-2'),
    },
  },
  {
    type: 'task.completed',
    time: t(3),
    body: {
      taskId: 'g/scrape/0',
      durationMs: 1500,
      emitted: ['g/rank'],
      agent: agent('scraper', 'scraper-1'),
    },
  },
  {
    type: 'goal.completed',
    time: t(5),
    body: { outcome: 'delivered', summary: 'Top 5 of 10', reportArtifact: 'g/report.md' },
  },
];

/** A model usage record (two calls of a local model), with `over` on top. */
export const sampleUsage = (over: Partial<ModelUsage> = {}): ModelUsage => ({
  model: 'openai-compatible:llama3.1',
  promptVersions: ['ranker.grade-relevance@1'],
  calls: 2,
  inputTokens: 1_234,
  outputTokens: 210,
  costUsd: 0.0012,
  ...over,
});
/** A `task.completed` of `kind` at `t(3)`, with `u` as its usage. */
export const completedEvent = (kind: string, taskId: string, u?: ModelUsage): GoalEvent => ({
  type: 'task.completed',
  time: t(3),
  body: {
    messageId: `${taskId}/completed`,
    taskId,
    durationMs: 812,
    emitted: ['g/report'],
    agent: { kind, instance: `${kind}-1` },
    ...(u ? { usage: u } : {}),
  },
});
/** A `task.failed` (retried) of `kind` at `t(2)`, attempt `delivery`, with `u` as its usage. */
export const failedEvent = (kind: string, taskId: string, delivery: number, u?: ModelUsage): GoalEvent => ({
  type: 'task.failed',
  time: t(2),
  body: {
    messageId: `${taskId}/failed/${delivery}`,
    taskId,
    deliveryCount: delivery,
    willRetry: true,
    retryInMs: 200,
    deadLetterId: null,
    error: { code: 'model-timeout', message: 'slow' },
    agent: { kind, instance: `${kind}-1` },
    ...(u ? { usage: u } : {}),
  },
});
