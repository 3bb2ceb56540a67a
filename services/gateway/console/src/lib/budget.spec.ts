import { budgetMatters } from './budget';

const none = { limits: {}, spent: { costUsd: 0, tokens: 0, modelCalls: 0 }, left: {}, policy: 'fail' };

describe('budgetMatters', () => {
  it('shows a budget that limits something, ran out, was added to or paid for a call', () => {
    expect(budgetMatters({ ...none, limits: { costUsd: 1 } })).toBe(true);
    expect(budgetMatters({ ...none, exhausted: { at: 'x', reason: 'late' } })).toBe(true);
    expect(budgetMatters({ ...none, spent: { modelCalls: 2 } })).toBe(true);
  });

  it('hides a budget that limits nothing and saw nothing, or none', () => {
    expect(budgetMatters(none)).toBe(false);
    expect(budgetMatters(undefined)).toBe(false);
  });
});
