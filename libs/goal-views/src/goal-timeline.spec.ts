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
});
