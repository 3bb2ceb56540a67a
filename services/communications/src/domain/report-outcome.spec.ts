import { reportOutcome } from './report-outcome.js';
import { ranking, rankedEntry } from './testing/ranking.fixture.js';

describe('reportOutcome', () => {
  it('ends a goal whose ranking is empty as nothing-found', () => {
    expect(reportOutcome(ranking([]))).toBe('nothing-found');
  });

  it('ends a goal with a ranked package as delivered', () => {
    expect(reportOutcome(ranking([rankedEntry(1, 'nats')]))).toBe('delivered');
  });
});
