import { buildGoalSubmitted } from '@swarm/contracts';
import { CHAOS_QUERIES, planGoals } from './goal-feeder.js';

describe('planGoals', () => {
  it('numbers goals from the offset and cycles through the queries', () => {
    const goals = planGoals('kill-abc', 3, CHAOS_QUERIES.length - 1);
    expect(goals.map((g) => g.goalId)).toEqual([
      `kill-abc-${CHAOS_QUERIES.length - 1}`,
      `kill-abc-${CHAOS_QUERIES.length}`,
      `kill-abc-${CHAOS_QUERIES.length + 1}`,
    ]);
    expect(goals[1]!.spec.text).toBe(CHAOS_QUERIES[0]);
  });

  it('plans goals the contracts accept', () => {
    for (const goal of planGoals('backlog-mwq1abcd', 12, 4990)) {
      expect(() => buildGoalSubmitted(goal.goalId, goal.spec)).not.toThrow();
    }
  });
});
