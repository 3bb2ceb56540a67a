import type { GoalBudget } from './index.js';
import { BudgetRecord, GoalSpec } from './index.js';
import {
  additionRepeated,
  addToBudget,
  budgetLeft,
  exhaustionNumber,
  NO_AMOUNTS,
  openBudget,
  overCeiling,
  refusalDetailOf,
  reserveIn,
  settleIn,
} from './budget-accounting.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const call = { costUsd: 0.1, tokens: 1_000, modelCalls: 1 };

function recordOf(budget: GoalBudget): BudgetRecord {
  return BudgetRecord.parse(openBudget(budget, { onExhausted: 'fail' }, NOW));
}

describe('GoalSpec budget', () => {
  it('accepts a budget with every field and rejects an unknown policy or field', () => {
    const budget = {
      costUsd: 0.5,
      tokens: 200_000,
      modelCalls: 20,
      deadlineMs: 600_000,
      onExhausted: 'pause',
    };
    expect(GoalSpec.parse({ text: 'x', budget }).budget).toEqual(budget);
    expect(GoalSpec.safeParse({ text: 'x', budget: { onExhausted: 'explode' } }).success).toBe(false);
    expect(GoalSpec.safeParse({ text: 'x', budget: { dollars: 1 } }).success).toBe(false);
    expect(GoalSpec.safeParse({ text: 'x', budget: { costUsd: -1 } }).success).toBe(false);
  });
});

describe('openBudget', () => {
  it('lays the goal budget over the deployment defaults and counts the deadline from submission', () => {
    const record = openBudget(
      { tokens: 5, onExhausted: 'degrade' },
      { costUsd: 1, tokens: 100, deadlineMs: 60_000, onExhausted: 'fail' },
      NOW,
    );
    expect(record.limits).toEqual({ costUsd: 1, tokens: 5 });
    expect(record.deadlineAt).toBe(NOW + 60_000);
    expect(record.onExhausted).toBe('degrade');
  });
});

describe('reserveIn and settleIn', () => {
  it('grants reservations while they fit and refuses the one that does not, marking the record exhausted', () => {
    let record = recordOf({ costUsd: 0.25 });
    record = reserveIn(record, 'a', call, NOW).record;
    record = reserveIn(record, 'b', call, NOW).record;
    const third = reserveIn(record, 'c', call, NOW);
    expect(third.refusal).toMatch(/costUsd budget 0.25 cannot cover/);
    expect(third.record.exhausted?.reason).toBe(third.refusal);
    expect(Object.keys(third.record.reservations)).toEqual(['a', 'b']);
  });

  it('returns the unused part of an estimate when the call settles, and settles an id only once', () => {
    let record = recordOf({ tokens: 1_500 });
    record = reserveIn(record, 'a', call, NOW).record;
    record = settleIn(record, 'a', { costUsd: 0.01, tokens: 200, modelCalls: 1 })!;
    expect(record.spent).toEqual({ costUsd: 0.01, tokens: 200, modelCalls: 1 });
    expect(budgetLeft(record)).toEqual({ tokens: 1_300 });
    expect(settleIn(record, 'a', call)).toBeUndefined();
    expect(reserveIn(record, 'b', call, NOW).refusal).toBeUndefined();
  });

  it('refuses every reservation once the deadline has passed', () => {
    const record = recordOf({ deadlineMs: 1_000 });
    expect(reserveIn(record, 'a', call, NOW + 999).refusal).toBeUndefined();
    expect(reserveIn(record, 'a', call, NOW + 1_000).refusal).toMatch(/deadline passed/);
  });
});

describe('addToBudget', () => {
  it('raises the limits, extends the deadline, keeps who added it and clears the exhausted mark', () => {
    let record = recordOf({ costUsd: 0.1, deadlineMs: 1_000 });
    record = reserveIn(record, 'a', { ...call, costUsd: 0.2 }, NOW).record;
    expect(record.exhausted).toBeDefined();
    const at = new Date(NOW + 5_000).toISOString();
    record = addToBudget(record, { by: 'alice', at, add: { costUsd: 0.25, tokens: 9 }, deadlineMs: 2_000 });
    expect(record.limits).toEqual({ costUsd: 0.35 });
    expect(record.deadlineAt).toBe(NOW + 7_000);
    expect(record.exhausted).toBeUndefined();
    expect(record.additions.map((addition) => addition.by)).toEqual(['alice']);
  });
});

describe('overCeiling', () => {
  it('names each quantity above the ceiling and nothing when the budget fits', () => {
    expect(overCeiling({ costUsd: 2, tokens: 10, deadlineMs: 5 }, { costUsd: 1, deadlineMs: 4 })).toEqual([
      'costUsd 2 > 1',
      'deadlineMs 5 > 4',
    ]);
    expect(overCeiling({ costUsd: 1 }, { costUsd: 1 })).toEqual([]);
    expect(overCeiling(undefined, { costUsd: 1 })).toEqual([]);
  });
});

describe('an exhausted record', () => {
  it('refuses even a reservation that would fit until an addition clears the mark', () => {
    let record = recordOf({ tokens: 1_500 });
    record = reserveIn(record, 'big', { ...call, tokens: 2_000 }, NOW).record;
    expect(reserveIn(record, 'small', { ...call, tokens: 10 }, NOW).refusal).toMatch(/exhausted/);
    record = addToBudget(record, { by: 'bob', at: new Date(NOW).toISOString(), add: { tokens: 1 } });
    expect(reserveIn(record, 'small', { ...call, tokens: 10 }, NOW).refusal).toBeUndefined();
  });
});

describe('what ran out', () => {
  const open = openBudget({ tokens: 100, modelCalls: 5 }, { onExhausted: 'pause' }, 0);
  const estimate = { costUsd: 0, tokens: 200, modelCalls: 1 };

  it('is kept in the exhausted mark with the refusal', () => {
    const { record, refusal } = reserveIn(open, 'r1', estimate, 1);
    expect(refusal).toMatch(/tokens budget 100/);
    expect(record.exhausted?.shortfall).toBe('tokens');
    expect(refusalDetailOf(record, estimate, 1)).toMatchObject({ shortfall: 'tokens' });
  });

  it('is the deadline once it has passed', () => {
    expect(refusalDetailOf({ ...open, deadlineAt: 5 }, NO_AMOUNTS, 6)?.shortfall).toBe('deadline');
  });

  it('counts a new exhaustion after each addition', () => {
    expect(exhaustionNumber(open)).toBe(1);
    const added = addToBudget(open, { by: 'a', at: new Date(0).toISOString(), add: { tokens: 1 } });
    expect(exhaustionNumber(added)).toBe(2);
  });
});

describe('additionRepeated', () => {
  const at = new Date(NOW).toISOString();
  const added = addToBudget(recordOf({ modelCalls: 1 }), {
    by: 'alice',
    at,
    add: { modelCalls: 1 },
    key: 'k1',
  });

  it('is a repeat only for the same key from the same person', () => {
    expect(additionRepeated(added, { by: 'alice', at, add: {}, key: 'k1' })).toBe(true);
    expect(additionRepeated(added, { by: 'bob', at, add: {}, key: 'k1' })).toBe(false);
    expect(additionRepeated(added, { by: 'alice', at, add: {}, key: 'k2' })).toBe(false);
  });

  it('never takes an addition without a key for a repeat', () => {
    const keyless = addToBudget(recordOf({ modelCalls: 1 }), { by: 'alice', at, add: { modelCalls: 1 } });
    expect(additionRepeated(keyless, { by: 'alice', at, add: {} })).toBe(false);
  });
});
