import { boardHead as head } from '@swarm/goal-views/testing';
import { countGoals } from './goal-count.js';

describe('countGoals', () => {
  it('counts open and ended goals, by outcome when every outcome is known', () => {
    expect(countGoals([head('a', 1), head('b', 2, 'delivered'), head('c', 3, 'failed')])).toBe(
      '1 open, 2 ended: 1 delivered, 1 failed',
    );
    expect(countGoals([head('a', 1), head('b', 2, 'ended'), head('c', 3, 'failed')])).toBe('1 open, 2 ended');
    expect(countGoals([])).toBe('0 open, 0 ended');
  });
});
