import { renderEventLine } from '../display/event-line.js';
import type { GoalEvent } from './goal-timeline.js';
import { summarizeGoal } from './goal-timeline.js';

const t = (s: number) => new Date(Date.UTC(2026, 10, 21, 0, 0, s));
const agent = (kind: string, instance: string) => ({ kind, instance });
const events: GoalEvent[] = [
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

describe('summarizeGoal', () => {
  it('derives state, outcome, retries and the instances that worked from the events alone', () => {
    expect(summarizeGoal('g', events)).toMatchObject({
      state: 'completed',
      outcome: 'delivered',
      text: 'agents',
      claims: 1,
      completedTasks: 1,
      retries: 1,
      deadLettered: 0,
      reportArtifact: 'g/report.md',
      instances: ['scraper/scraper-1', 'scraper/scraper-2', 'search/search-1'],
    });
  });

  it('knows a goal waiting for a human', () => {
    const waiting: GoalEvent[] = [
      ...events.slice(0, 4),
      { type: 'approval.requested', time: t(4), body: { goalId: 'g', expiresAt: 'x' } },
    ];
    expect(summarizeGoal('g', waiting).state).toBe('awaiting-approval');
  });
});

describe('renderEventLine', () => {
  it('says who claimed what, how long it waited, and when a retry comes', () => {
    expect(renderEventLine(events[1]!, t(0))).toBe(
      '   +1.00s  search@search-1 claimed g/search (delivery 1, waited 3ms)',
    );
    expect(renderEventLine(events[2]!, t(0))).toContain(
      'FAILED g/scrape/0 (delivery 1, timeout: slow); retry in 1.00s',
    );
    expect(renderEventLine(events[3]!, t(0))).toContain('completed g/scrape/0 in 1.50s, handed off 1');
  });
});
