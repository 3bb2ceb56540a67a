import type { BudgetRecord } from '@swarm/contracts';
import { deadlineHintHeader, handOffHeaders, hintAllowsStart, parseDeadlineHint } from './deadline-hint.js';

describe('parseDeadlineHint', () => {
  it('reads `none` and epoch milliseconds', () => {
    expect(parseDeadlineHint(['none'])).toEqual({ kind: 'none' });
    expect(parseDeadlineHint(['1765000000000'])).toEqual({ kind: 'at', deadlineAt: 1765000000000 });
  });

  it.each([
    ['absent', undefined],
    ['empty', []],
    ['two values', ['none', '5']],
    ['negative', ['-5']],
    ['a date', ['2026-12-06T10:00:00Z']],
    ['a fraction', ['5.5']],
    ['too many digits', ['1234567890123456']],
    ['another word', ['never']],
  ])('takes %s as no hint', (_what, values) => {
    expect(parseDeadlineHint(values)).toBeUndefined();
  });
});

describe('deadlineHintHeader', () => {
  const record = (deadlineAt?: number) => ({ deadlineAt }) as unknown as BudgetRecord;

  it('is the deadline, `none` without one, and nothing without a record', () => {
    expect(deadlineHintHeader(record(42))).toBe('42');
    expect(deadlineHintHeader(record())).toBe('none');
    expect(deadlineHintHeader(undefined)).toBeUndefined();
  });
});

describe('hintAllowsStart', () => {
  it('allows a start before the hinted deadline or without one, never at or after it', () => {
    expect(hintAllowsStart({ kind: 'none' }, 10)).toBe(true);
    expect(hintAllowsStart({ kind: 'at', deadlineAt: 11 }, 10)).toBe(true);
    expect(hintAllowsStart({ kind: 'at', deadlineAt: 10 }, 10)).toBe(false);
    expect(hintAllowsStart(undefined, 10)).toBe(false);
  });
});

describe('handOffHeaders', () => {
  const queues = ['swarm.task.rank', 'swarm.evt.*.goal.submitted'];

  it('stamps what goes onto a work queue, and only with a known deadline', () => {
    expect(handOffHeaders('swarm.task.rank', queues, '42')).toEqual({ 'Swarm-Deadline': ['42'] });
    expect(handOffHeaders('swarm.evt.g1.goal.completed', queues, '42')).toBeUndefined();
    expect(handOffHeaders('swarm.task.rank', queues, undefined)).toBeUndefined();
  });
});
