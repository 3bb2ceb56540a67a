import type { BudgetRecord } from '@swarm/contracts';
import { BudgetAdded, BudgetExhausted, markExhausted, openBudget } from '@swarm/contracts';
import { budgetAddedEvent, budgetExhaustedEvent, resumeHintOf } from './budget-events.js';

const task = {
  goalId: 'g-1',
  taskId: 'g-1/rank',
  messageId: 'g-1/rank',
  queue: 'rank',
  agent: { kind: 'ranker', instance: 'ranker-1' },
  attempt: 2,
};
const now = new Date('2026-01-01T00:00:00.000Z');

function spentRecord(policy: 'pause' | 'fail'): BudgetRecord {
  const open = openBudget({ costUsd: 0.5, onExhausted: policy }, { onExhausted: 'fail' }, now.getTime());
  return {
    ...open,
    spent: { costUsd: 0.49, tokens: 900, modelCalls: 3 },
    reservations: { 'g-1/rank/x': { costUsd: 0.005, tokens: 100, modelCalls: 1 } },
  };
}

describe('budgetExhaustedEvent', () => {
  it('names what ran out, the spend against the limits and, under pause, how to resume', () => {
    const record = markExhausted(spentRecord('pause'), 'costUsd budget 0.5 cannot cover', 0, 'costUsd');
    const event = budgetExhaustedEvent(task, record, now);
    expect(BudgetExhausted.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      messageId: 'g-1/budget.exhausted/1',
      causationId: 'g-1/rank',
      attempt: 2,
      queue: 'rank',
      shortfall: 'costUsd',
      policy: 'pause',
      reserved: { costUsd: 0.005, tokens: 100, modelCalls: 1 },
      left: { costUsd: 0.005 },
      resumeHint: 'swarm budget g-1 --add cost=0.5',
    });
  });

  it('gives no resume hint under fail and counts the exhaustions after additions', () => {
    const record = markExhausted(
      { ...spentRecord('fail'), additions: [{ by: 'a', at: now.toISOString(), add: { costUsd: 1 } }] },
      'late',
      0,
      'deadline',
    );
    const event = budgetExhaustedEvent(task, record, now);
    expect(event.messageId).toBe('g-1/budget.exhausted/2');
    expect(event).not.toHaveProperty('resumeHint');
  });

  it('refuses a record that is not marked exhausted', () => {
    expect(() => budgetExhaustedEvent(task, spentRecord('pause'), now)).toThrow(/not marked exhausted/);
  });
});

describe('resumeHintOf', () => {
  it('adds to what ran out', () => {
    expect(resumeHintOf('g', 'tokens', { tokens: 5000 })).toBe('swarm budget g --add tokens=5000');
    expect(resumeHintOf('g', 'deadline', {})).toBe('swarm budget g --add deadline=10m');
    expect(resumeHintOf('g', 'modelCalls', { modelCalls: 0 })).toBe('swarm budget g --add calls=1');
    expect(resumeHintOf('g', 'reservations', {})).toBe('swarm budget g --add calls=1');
  });
});

describe('budgetAddedEvent', () => {
  it('records who added what, the exhaustion it cleared and the tasks it resumed', () => {
    const before = markExhausted(spentRecord('pause'), 'out of cost', 0, 'costUsd');
    const addition = { by: 'alice', at: now.toISOString(), add: { costUsd: 0.25 }, resumed: ['dlq/R/3'] };
    const after: BudgetRecord = {
      ...before,
      exhausted: undefined,
      limits: { costUsd: 0.75 },
      additions: [addition],
    };
    delete (after as { exhausted?: unknown }).exhausted;
    const event = budgetAddedEvent('g-1', addition, before, after, now);
    expect(BudgetAdded.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      messageId: 'g-1/budget.added/1',
      taskId: 'g-1/budget.added/1',
      causationId: 'g-1/budget.exhausted/1',
      cleared: 'out of cost',
      resumed: ['dlq/R/3'],
      left: { costUsd: 0.255 },
    });
  });

  it('has no cause when the budget had not run out', () => {
    const record = spentRecord('pause');
    const addition = { by: 'bob', at: now.toISOString(), add: { tokens: 10 } };
    const event = budgetAddedEvent('g-1', addition, record, { ...record, additions: [addition] }, now);
    expect(event.causationId).toBeNull();
    expect(event).not.toHaveProperty('cleared');
    expect(event.resumed).toEqual([]);
  });
});
