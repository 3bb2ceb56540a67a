import type { GoalHead, GoalRow } from '@swarm/goal-views';
import { formatAge, renderBoard } from './goals.command.js';

describe('formatAge', () => {
  it('shows tenths under a minute, minutes and seconds under an hour, then hours and minutes', () => {
    expect(formatAge(0.42)).toBe('0.4s');
    expect(formatAge(59.95)).toBe('60.0s');
    expect(formatAge(90)).toBe('1m30s');
    expect(formatAge(3_599)).toBe('59m59s');
    expect(formatAge(7_260)).toBe('2h01m');
    expect(formatAge(-1)).toBe('0.0s');
  });
});

describe('renderBoard', () => {
  const row = (goalId: string, outcome: GoalRow['outcome'], stage?: string): GoalRow => ({
    goalId,
    text: `text of ${goalId}`,
    outcome,
    stage,
    submittedAt: new Date(0),
    endedAt: undefined,
    ageSeconds: 90,
  });
  const head = (goalId: string, outcome: GoalHead['outcome']): GoalHead => ({
    goalId,
    submittedSeq: 1,
    lastSubmittedAt: new Date(0),
    outcome,
    endedAt: undefined,
  });

  it('shows an outcome column: the end, or open with the stage it reached', () => {
    const lines = renderBoard(
      [row('g-2', 'open', 'awaiting-approval'), row('g-1', 'nothing-found'), row('g-0', 'open')],
      [head('g-2', 'open'), head('g-1', 'nothing-found'), head('g-0', 'open')],
    );
    expect(lines).toEqual([
      'GOAL  OUTCOME                   TIME     TEXT',
      'g-2   open (awaiting-approval)  1m30s    text of g-2',
      'g-1   nothing-found             1m30s    text of g-1',
      'g-0   open                      1m30s    text of g-0',
      '2 open, 1 ended: 1 nothing-found',
    ]);
  });

  it('says how many rows the limit left out', () => {
    const lines = renderBoard([row('g-2', 'open', 'scrape')], [head('g-2', 'open'), head('g-1', 'open')], 1);
    expect(lines.at(-1)).toBe('2 open, 0 ended; 1 more not shown (--limit)');
  });
});
