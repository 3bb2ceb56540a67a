import type { GoalEvent } from './goal-timeline.js';
import { buildGoalBoard, staleGoals } from './goal-board.js';

const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 9, 0, second));
const event = (
  type: string,
  goalId: string,
  second: number,
  extra: Record<string, unknown> = {},
): GoalEvent => ({
  type,
  time: at(second),
  body: { type, goalId, ...extra },
});
const submitted = (goalId: string, second: number) =>
  event('goal.submitted', goalId, second, { goal: { text: `text of ${goalId}` } });

const events = {
  submitted: [
    submitted('b', 5),
    submitted('a', 1),
    submitted('c', 10),
    submitted('a', 20),
    submitted('d', 12),
  ],
  completed: [event('goal.completed', 'a', 4)],
  failed: [event('goal.failed', 'b', 8)],
  approvalRequested: [event('approval.requested', 'c', 11), event('approval.requested', 'd', 13)],
  approvalDecided: [event('approval.granted', 'd', 14)],
};

describe('buildGoalBoard', () => {
  it('gives each goal one row, oldest first, with its state and age', () => {
    const rows = buildGoalBoard(events, at(40));
    expect(rows.map((r) => [r.goalId, r.state, r.ageSeconds])).toEqual([
      ['a', 'completed', 3],
      ['b', 'failed', 3],
      ['c', 'awaiting-approval', 30],
      ['d', 'open', 28],
    ]);
    expect(rows[0]).toMatchObject({ text: 'text of a', submittedAt: at(1), endedAt: at(4) });
    expect(rows[3]?.endedAt).toBeUndefined();
  });

  it('ignores events without a goal id', () => {
    const stray: GoalEvent = { type: 'goal.submitted', time: at(0), body: { type: 'goal.submitted' } };
    expect(buildGoalBoard({ ...events, submitted: [stray] }, at(1))).toEqual([]);
  });
});

describe('staleGoals', () => {
  it('keeps the goals not ended that are older than the limit, approval waits included', () => {
    const rows = buildGoalBoard(events, at(40));
    expect(staleGoals(rows, 29).map((r) => r.goalId)).toEqual(['c']);
    expect(staleGoals(rows, 10).map((r) => r.goalId)).toEqual(['c', 'd']);
    expect(staleGoals(rows, 30)).toEqual([]);
  });
});
