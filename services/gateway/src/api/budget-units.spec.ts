import { AddBudgetBody } from './budget-schemas.js';
import { additionOverCeiling, budgetAdditionBy } from './budget.service.js';

describe('AddBudgetBody', () => {
  it('takes positive additions and a deadline, an absent add as nothing added', () => {
    expect(AddBudgetBody.parse({ add: { costUsd: 0.25, modelCalls: 2 } })).toEqual({
      add: { costUsd: 0.25, modelCalls: 2 },
    });
    expect(AddBudgetBody.parse({ deadlineMs: 60_000 })).toEqual({ add: {}, deadlineMs: 60_000 });
  });

  it('refuses an empty addition, a zero or negative amount, a fractional count and unknown fields', () => {
    for (const bad of [
      {},
      { add: {} },
      { add: { costUsd: 0 } },
      { add: { tokens: -5 } },
      { add: { modelCalls: 1.5 } },
      { add: { dollars: 1 } },
      { add: { costUsd: 1 }, by: 'someone else' },
      { deadlineMs: 0 },
      { add: { costUsd: '1' } },
    ])
      expect(AddBudgetBody.safeParse(bad).success).toBe(false);
  });
});

describe('additionOverCeiling', () => {
  it('names each quantity of the addition above the ceiling, the deadline included', () => {
    const ceiling = { costUsd: 1, modelCalls: 10, deadlineMs: 60_000 };
    expect(
      additionOverCeiling({ add: { costUsd: 2, modelCalls: 10 }, deadlineMs: 120_000 }, ceiling),
    ).toEqual(['costUsd 2 > 1', 'deadlineMs 120000 > 60000']);
    expect(additionOverCeiling({ add: { costUsd: 1, tokens: 1e9 } }, ceiling)).toEqual([]);
  });

  it('lets anything through a deployment without a ceiling', () => {
    expect(additionOverCeiling({ add: { costUsd: 1e6 }, deadlineMs: 1e9 }, {})).toEqual([]);
  });
});

describe('budgetAdditionBy', () => {
  it('records the subject vouched for by the gateway user', () => {
    expect(budgetAdditionBy('otto', 'gateway')).toBe('otto via gateway');
  });

  it('cuts a long subject so the record keeps who vouched for it within 128 characters', () => {
    const by = budgetAdditionBy('x'.repeat(300), 'gw-user');
    expect(by).toHaveLength(128);
    expect(by.endsWith(' via gw-user')).toBe(true);
  });
});
