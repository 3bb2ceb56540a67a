import { BudgetRecord } from '@swarm/contracts';
import { plainEvent } from '@swarm/goal-views/testing';
import { liveBudgetLine, touchesBudget } from './live-budget.js';

const now = new Date('2026-01-01T00:00:00Z');
const record = BudgetRecord.parse({
  limits: { costUsd: 0.5 },
  onExhausted: 'pause',
  spent: { costUsd: 0.125, tokens: 1_500, modelCalls: 3 },
  reservations: {},
  additions: [],
});

describe('liveBudgetLine', () => {
  it('shows the budget when it changed and nothing when it did not', () => {
    expect(liveBudgetLine(record, undefined, now)).toBe(
      '          budget    cost $0.1250 of $0.5000 ($0.3750 left) · tokens 1500 (no limit) · calls 3 (no limit)',
    );
    expect(liveBudgetLine(record, record, now)).toBeUndefined();
    const inFlight = { ...record, reservations: { r: { costUsd: 0.1, tokens: 1, modelCalls: 1 } } };
    expect(liveBudgetLine(inFlight, record, now)).toBeUndefined();
  });

  it('says what ran out once the budget is exhausted', () => {
    const exhausted = {
      ...record,
      exhausted: { at: now.toISOString(), reason: 'r', shortfall: 'costUsd' as const },
    };
    expect(liveBudgetLine(exhausted, record, now)).toMatch(/; exhausted \(costUsd\)$/);
  });

  it('stays quiet for a goal without limits that spent nothing', () => {
    const free = { ...record, limits: {}, spent: { costUsd: 0, tokens: 0, modelCalls: 0 } };
    expect(liveBudgetLine(free, undefined, now)).toBeUndefined();
  });
});

describe('touchesBudget', () => {
  it('is true for budget events and task events carrying model usage only', () => {
    expect(touchesBudget(plainEvent('budget.exhausted'))).toBe(true);
    expect(touchesBudget(plainEvent('budget.added'))).toBe(true);
    expect(touchesBudget(plainEvent('task.completed'))).toBe(false);
    const usage = { model: 'm', promptVersions: [], calls: 1, inputTokens: 1, outputTokens: 1, costUsd: 0 };
    expect(touchesBudget(plainEvent('task.completed', { usage }))).toBe(true);
  });
});
