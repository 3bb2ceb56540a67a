import { buildGoalSubmitted } from '@swarm/contracts';
import { endMisfit, planBudgetedGoals } from './budget-plan.js';

describe('planBudgetedGoals', () => {
  it('holds each policy at each tightness once in every nine goals', () => {
    const goals = planBudgetedGoals('budget-abc', 9);
    const pairs = new Set(goals.map((g) => `${g.policy}/${g.tightness}`));
    expect(pairs.size).toBe(9);
    expect(goals[4]).toMatchObject({ policy: 'degrade', tightness: 'calls' });
    expect(goals[4]!.spec.budget).toEqual({ modelCalls: 3, onExhausted: 'degrade' });
  });

  it('plans goals the contracts accept', () => {
    for (const goal of planBudgetedGoals('budget-mwq1abcd', 9)) {
      expect(() => buildGoalSubmitted(goal.goalId, goal.spec)).not.toThrow();
    }
  });
});

describe('endMisfit', () => {
  const delivered = { type: 'goal.completed', outcome: 'delivered' } as const;
  const outOfBudget = { type: 'goal.failed', reason: 'budget-exhausted' } as const;

  it('accepts a delivered goal under pause or degrade, exhausted or not', () => {
    expect(endMisfit('pause', true, delivered)).toBeUndefined();
    expect(endMisfit('degrade', true, delivered)).toBeUndefined();
    expect(endMisfit('fail', false, delivered)).toBeUndefined();
  });

  it('wants an exhausted goal under fail to fail with budget-exhausted', () => {
    expect(endMisfit('fail', true, outOfBudget)).toBeUndefined();
    expect(endMisfit('fail', true, delivered)).toMatch(/completed although/);
  });

  it('refuses any other failure', () => {
    expect(endMisfit('degrade', true, outOfBudget)).toMatch(/under degrade/);
    expect(endMisfit('fail', false, outOfBudget)).toMatch(/not exhausted/);
    expect(endMisfit('pause', false, { type: 'goal.failed', reason: 'task-dead-lettered' })).toMatch(/pause/);
  });
});
