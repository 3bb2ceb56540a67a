import type { Claim } from '../harness/task-audit.js';
import { claimsTakenOver } from './partitioned-agent.scenario.js';

const claim = (taskId: string, instance: string, at: number, deliveryCount = 1): Claim => ({
  taskId,
  goalId: 'g',
  queue: 'scrape',
  instance,
  deliveryCount,
  at,
});

describe('claimsTakenOver', () => {
  const partition = { at: 10_000, healedAt: 20_000 };

  it('counts the unfinished claims of the cut replica that another replica took', () => {
    const claims = [
      claim('t1', 'scraper-cut', 9_000),
      claim('t2', 'scraper-cut', 9_500),
      claim('t3', 'scraper-cut', 8_000),
      claim('t1', 'scraper-1', 13_100, 2),
    ];
    const completed = new Map([['t3', [8_500]]]);
    expect(claimsTakenOver(claims, completed, 'scraper-cut', partition)).toEqual({
      held: 2,
      takenOver: 1,
      firstTakeoverSeconds: 3.1,
    });
  });

  it('does not count a claim the replica had already lost before the partition', () => {
    const claims = [claim('t1', 'scraper-cut', 1_000), claim('t1', 'scraper-1', 5_000, 2)];
    expect(claimsTakenOver(claims, new Map(), 'scraper-cut', partition).held).toBe(0);
  });
});
