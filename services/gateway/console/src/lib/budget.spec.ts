import { budgetAdditionBody, budgetMatters } from './budget';

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

describe('budgetAdditionBody', () => {
  const empty = { costUsd: '', tokens: '', modelCalls: '', deadlineMinutes: '' };

  it('sends only the fields filled in, the deadline in milliseconds', () => {
    expect(budgetAdditionBody({ ...empty, costUsd: ' 0.25 ', deadlineMinutes: '10' })).toEqual({
      add: { costUsd: 0.25 },
      deadlineMs: 600_000,
    });
    expect(budgetAdditionBody({ ...empty, tokens: '5000', modelCalls: '3' })).toEqual({
      add: { tokens: 5000, modelCalls: 3 },
    });
  });

  it('says what is wrong: nothing filled in, not positive, a count that is not whole', () => {
    expect(budgetAdditionBody(empty)).toBe('Fill in at least one of cost, tokens, model calls or deadline.');
    expect(budgetAdditionBody({ ...empty, costUsd: '-1' })).toBe('Cost must be a positive number.');
    expect(budgetAdditionBody({ ...empty, costUsd: 'abc' })).toBe('Cost must be a positive number.');
    expect(budgetAdditionBody({ ...empty, modelCalls: '1.5' })).toBe('Model calls must be a whole number.');
  });
});
