import type { GoalEvent } from './goal-timeline.js';
import { summarizeGoal } from './goal-timeline.js';
import { sampleGoalEvents, t } from './testing/index.js';

const events = sampleGoalEvents;

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

  it('knows a goal paused for budget until a human adds to it, and one that degraded', () => {
    const running = events.slice(0, 4);
    const exhausted: GoalEvent = {
      type: 'budget.exhausted',
      time: t(4),
      body: { goalId: 'g', policy: 'pause', queue: 'rank' },
    };
    const added: GoalEvent = { type: 'budget.added', time: t(5), body: { goalId: 'g', by: 'alice' } };
    expect(summarizeGoal('g', [...running, exhausted])).toMatchObject({
      state: 'awaiting-budget',
      budgetExhaustions: 1,
      budgetAdditions: 0,
    });
    expect(summarizeGoal('g', [...running, exhausted, added])).toMatchObject({
      state: 'running',
      budgetAdditions: 1,
      degraded: false,
    });
    const degraded = { ...exhausted, body: { ...exhausted.body, policy: 'degrade' } };
    expect(summarizeGoal('g', [...running, degraded])).toMatchObject({ state: 'running', degraded: true });
  });
});
