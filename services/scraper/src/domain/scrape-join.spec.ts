import type { AcceptedGoal, JoinState } from '@swarm/contracts';
import { RankTask, SCHEMA_VERSION } from '@swarm/contracts';
import { buildRankTask, isJoinComplete, landScrape, shouldEmitRank } from './scrape-join.js';

const empty: JoinState = { expected: 2, landed: {} };
const landing = (candidateIndex: number, ok = true) => ({
  candidateIndex,
  candidateId: `c${candidateIndex}`,
  taskId: `g1/scrape/${candidateIndex}`,
  ok,
});

describe('scrape join', () => {
  it('completes when the last scrape lands, whatever the order', () => {
    const one = landScrape(empty, landing(1))!;
    expect(isJoinComplete(one)).toBe(false);
    const both = landScrape(one, landing(0, false))!;
    expect(isJoinComplete(both)).toBe(true);
    expect(both.landed['0']).toMatchObject({ ok: false, candidateId: 'c0' });
  });

  it('leaves the state unchanged when a redelivered scrape lands again', () => {
    const one = landScrape(empty, landing(0))!;
    expect(landScrape(one, landing(0))).toBeUndefined();
  });

  it('emits the rank task from the scrape that completed the join, or from a repeat that may follow a crash', () => {
    expect(shouldEmitRank({ complete: true, completedByThis: true, mayRepeat: false })).toBe(true);
    expect(shouldEmitRank({ complete: true, completedByThis: false, mayRepeat: false })).toBe(false);
    expect(shouldEmitRank({ complete: true, completedByThis: false, mayRepeat: true })).toBe(true);
    expect(shouldEmitRank({ complete: false, completedByThis: false, mayRepeat: true })).toBe(false);
  });

  it('builds a valid rank task with one contribution per candidate, in order, with the goal query', () => {
    const join = landScrape(landScrape(empty, landing(1))!, { ...landing(0), traceparent: '00-abc-def-01' })!;
    const accepted: AcceptedGoal = {
      fingerprint: 'f',
      acceptedAt: '2026-11-21T00:00:00.000Z',
      goal: { text: 'agent frameworks', topN: 3, requireApproval: false },
    };
    const task = buildRankTask('g1', join, accepted, ({ messageId }) => ({
      schemaVersion: SCHEMA_VERSION,
      messageId,
      goalId: 'g1',
      taskId: messageId,
      causationId: 'g1/scrape/0',
      attempt: 1,
      timestamp: '2026-11-21T00:00:00.000Z',
    }));
    expect(RankTask.parse(task)).toEqual(task);
    expect(task).toMatchObject({ messageId: 'g1/rank', query: 'agent frameworks', topN: 3 });
    expect(task.contributions.map((c) => c.candidateId)).toEqual(['c0', 'c1']);
    expect(task.contributions[0]?.traceparent).toBe('00-abc-def-01');
  });
});
