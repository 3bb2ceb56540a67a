import { GoalTally } from '@swarm/goal-views';
import { plainEvent as event } from '@swarm/goal-views/testing';
import { renderTally } from './tally-line.js';

describe('renderTally', () => {
  it('renders the tally as one line', () => {
    const tally = new GoalTally();
    tally.apply('g-1', event('goal.submitted'));
    expect(renderTally(tally.counts())).toBe(
      'goals  1 submitted | 1 running | 0 waiting for approval | 0 delivered | 0 failed | 0 ended undelivered (nothing found, rejected, expired)',
    );
  });

  it('counts the goals paused for budget while there are any', () => {
    const tally = new GoalTally();
    tally.apply('g-1', event('budget.exhausted', { policy: 'pause' }));
    expect(renderTally(tally.counts())).toContain('| 0 waiting for approval | 1 waiting for budget |');
  });
});
