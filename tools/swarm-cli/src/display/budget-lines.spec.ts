import { BudgetRecord } from '@swarm/contracts';
import { budgetWorthShowing, renderBudget } from './budget-lines.js';

const now = new Date('2026-01-01T00:00:00Z');
const record = BudgetRecord.parse({
  limits: { costUsd: 0.5, tokens: 200_000 },
  deadlineAt: now.getTime() + 65_000,
  onExhausted: 'pause',
  spent: { costUsd: 0.125, tokens: 1_500, modelCalls: 3 },
  reservations: { 'g/rank/x': { costUsd: 0.01, tokens: 2_500, modelCalls: 1 } },
  additions: [{ by: 'alice', at: now.toISOString(), add: { costUsd: 0.25 } }],
  exhausted: { at: now.toISOString(), reason: 'costUsd budget 0.25 cannot cover the next call' },
});

describe('renderBudget', () => {
  it('shows spent against each limit and what is left, counting calls in flight as not left', () => {
    const [first, second] = renderBudget(record, now);
    expect(first).toBe(
      'budget    cost $0.1250 of $0.5000 ($0.3650 left) · tokens 1500 of 200000 (196000 left) · calls 3 (no limit)',
    );
    expect(second).toBe(
      '          deadline in 1m05s; when exhausted: pause; 1 call(s) in flight reserve 2500 tokens',
    );
  });

  it('says why the budget ran out and who added to it', () => {
    const lines = renderBudget(record, now);
    expect(lines).toContain(
      `          exhausted at ${now.toISOString()}: costUsd budget 0.25 cannot cover the next call`,
    );
    expect(lines).toContain(`          added costUsd +0.25 by alice at ${now.toISOString()}`);
  });
});

describe('budgetWorthShowing', () => {
  const none = BudgetRecord.parse({
    limits: {},
    onExhausted: 'fail',
    spent: { costUsd: 0, tokens: 0, modelCalls: 0 },
    reservations: {},
    additions: [],
  });

  it('is false for a goal with no limit, no deadline, no model spend and nothing added', () => {
    expect(budgetWorthShowing(none)).toBe(false);
  });

  it('is true as soon as any of them is there', () => {
    expect(budgetWorthShowing(record)).toBe(true);
    expect(budgetWorthShowing({ ...none, limits: { modelCalls: 3 } })).toBe(true);
    expect(budgetWorthShowing({ ...none, deadlineAt: now.getTime() })).toBe(true);
    expect(budgetWorthShowing({ ...none, spent: { costUsd: 0.01, tokens: 10, modelCalls: 1 } })).toBe(true);
    expect(budgetWorthShowing({ ...none, additions: record.additions })).toBe(true);
  });
});
