import { GoalTally } from './goal-tally.js';
import { plainEvent } from './testing/index.js';

const event = plainEvent;

describe('GoalTally', () => {
  it('counts each goal once, under where it stands now', () => {
    const tally = new GoalTally();
    tally.apply('g-1', event('goal.submitted'));
    tally.apply('g-2', event('goal.submitted'));
    tally.apply('g-2', event('task.claimed'));
    tally.apply('g-3', event('goal.submitted'));
    tally.apply('g-3', event('approval.requested'));
    tally.apply('g-3', event('task.completed'));
    tally.apply('g-4', event('goal.submitted'));
    tally.apply('g-4', event('goal.completed', { outcome: 'delivered' }));
    tally.apply('g-5', event('goal.failed'));
    tally.apply('g-6', event('goal.completed', { outcome: 'nothing-found' }));
    expect(tally.counts()).toEqual({
      submitted: 6,
      running: 2,
      awaitingApproval: 1,
      awaitingBudget: 0,
      delivered: 1,
      failed: 1,
      otherEnd: 1,
    });
  });

  it('resumes a goal on its decision, keeps an ended goal ended and says when the counts change', () => {
    const tally = new GoalTally();
    expect(tally.apply('g-1', event('approval.requested'))).toBe(true);
    expect(tally.apply('g-1', event('approval.granted'))).toBe(true);
    expect(tally.counts()).toMatchObject({ running: 1, awaitingApproval: 0 });
    expect(tally.apply('g-1', event('task.claimed'))).toBe(false);
    expect(tally.apply('g-1', event('goal.completed', { outcome: 'delivered' }))).toBe(true);
    // A late event of the report task (its completion) does not reopen the goal.
    expect(tally.apply('g-1', event('task.completed'))).toBe(false);
    expect(tally.counts()).toMatchObject({ running: 0, delivered: 1 });
  });

  it('holds a goal paused for budget apart until a human adds to it', () => {
    const tally = new GoalTally();
    tally.apply('g-1', event('task.claimed'));
    expect(tally.apply('g-1', event('budget.exhausted', { policy: 'pause' }))).toBe(true);
    expect(tally.apply('g-1', event('task.failed'))).toBe(false);
    expect(tally.counts()).toMatchObject({ running: 0, awaitingBudget: 1 });
    expect(tally.apply('g-1', event('budget.added'))).toBe(true);
    expect(tally.counts()).toMatchObject({ running: 1, awaitingBudget: 0 });
    expect(tally.apply('g-1', event('budget.exhausted', { policy: 'degrade' }))).toBe(false);
  });
});
