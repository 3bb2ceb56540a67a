import { endRecordOf, supersedesEnd } from './goal-end-evidence.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('endRecordOf', () => {
  it('records the type, message id and outcome of a completion', () => {
    expect(
      endRecordOf(
        {
          type: 'goal.completed',
          goalId: 'g1',
          messageId: 'g1/goal.completed',
          outcome: 'delivered',
        } as never,
        NOW,
      ),
    ).toEqual({
      type: 'goal.completed',
      messageId: 'g1/goal.completed',
      outcome: 'delivered',
      at: NOW.toISOString(),
    });
  });

  it('records a failure without outcome, and nothing for other messages', () => {
    expect(endRecordOf({ type: 'goal.failed', goalId: 'g1', messageId: 'g1/goal.failed' }, NOW)).toEqual({
      type: 'goal.failed',
      messageId: 'g1/goal.failed',
      at: NOW.toISOString(),
    });
    expect(endRecordOf({ type: 'task.report', goalId: 'g1', messageId: 'g1/report' }, NOW)).toBeUndefined();
  });
});

describe('supersedesEnd', () => {
  const failed = { type: 'goal.failed', messageId: 'g1/goal.failed', at: NOW.toISOString() } as const;
  const completed = {
    ...failed,
    type: 'goal.completed',
    messageId: 'g1/goal.completed',
    outcome: 'delivered',
  } as const;

  it('lets a completion replace a failure of the same queue (a replayed task that succeeded)', () => {
    expect(supersedesEnd(failed, completed)).toBe(true);
  });

  it('keeps a completion, and the first failure', () => {
    expect(supersedesEnd(completed, failed)).toBe(false);
    expect(supersedesEnd(completed, { ...completed, outcome: 'rejected' })).toBe(false);
    expect(supersedesEnd(failed, failed)).toBe(false);
    expect(supersedesEnd(undefined, completed)).toBe(false);
  });
});
