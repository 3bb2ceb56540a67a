import type { AcceptedGoal, RankTask } from '@swarm/contracts';
import { GoalSpec, messageIds, SCHEMA_VERSION } from '@swarm/contracts';
import { rankTaskNotDue } from './rank-due.js';
import { candidate, QUERY, scraped } from './testing/rank-input.fixture.js';

const spec: AcceptedGoal = {
  fingerprint: 'f'.repeat(16),
  goal: GoalSpec.parse({ text: QUERY, topN: 2, weights: { license: 0 } }),
  acceptedAt: '2025-11-21T09:30:00.000Z',
};
const candidates = [candidate('a'), candidate('b')];
const scrapes = candidates.map((c) => scraped(c));

const task = (overrides: Partial<RankTask> = {}): RankTask => ({
  type: 'task.rank',
  schemaVersion: SCHEMA_VERSION,
  messageId: messageIds.rankTask('g1'),
  goalId: 'g1',
  taskId: messageIds.rankTask('g1'),
  causationId: messageIds.scrapeTask('g1', 1),
  attempt: 1,
  timestamp: '2025-11-21T09:30:05.000Z',
  query: QUERY,
  topN: 2,
  weights: { license: 0 },
  contributions: candidates.map((c, i) => ({
    taskId: messageIds.scrapeTask('g1', i),
    candidateId: c.id,
    ok: true,
  })),
  ...overrides,
});

describe('rankTaskNotDue', () => {
  it('finds the task due once every candidate of the search has its scrape in the join', () => {
    expect(rankTaskNotDue(task(), { candidates, scrapes, spec })).toBeUndefined();
  });

  it('refuses a task for a goal whose search never fanned out', () => {
    expect(rankTaskNotDue(task(), { candidates: undefined, scrapes: [], spec })).toBe(
      'goal g1 has no candidates: its search has not fanned out',
    );
  });

  it('refuses a task while a scrape is still missing from the join', () => {
    expect(rankTaskNotDue(task(), { candidates, scrapes: [scrapes[0], undefined], spec })).toBe(
      'goal g1 still waits for 1 of 2 scrapes (scrape.1 is absent)',
    );
  });

  it('refuses contributions that are not the join in candidate order', () => {
    const swapped = task({ contributions: [...task().contributions].reverse() });
    expect(rankTaskNotDue(swapped, { candidates, scrapes, spec })).toContain('are not the goal');
  });

  it("refuses a query, topN or weights other than the accepted goal's", () => {
    for (const changed of [
      { query: 'something else' },
      { topN: 5 },
      { weights: { license: 10 } },
      { weights: undefined },
    ])
      expect(rankTaskNotDue(task(changed), { candidates, scrapes, spec })).toBe(
        "the task's query, topN or weights differ from goal g1's accepted spec",
      );
  });

  it('refuses a task for a goal with no accepted spec', () => {
    expect(rankTaskNotDue(task(), { candidates, scrapes, spec: undefined })).toBe(
      'goal g1 has no accepted spec',
    );
  });
});
