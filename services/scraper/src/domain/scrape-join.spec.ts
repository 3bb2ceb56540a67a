import type { AcceptedGoal, ScrapeOutcome } from '@swarm/contracts';
import { RankTask, SCHEMA_VERSION } from '@swarm/contracts';
import { buildRankTask, shouldEmitRank, slotsToCheck } from './scrape-join.js';

const slot = (index: number, ok = true): ScrapeOutcome =>
  ok
    ? {
        ok: true,
        candidateId: `c${index}`,
        taskId: `g1/scrape/${index}`,
        extract: {
          url: `http://127.0.0.1/${index}`,
          finalUrl: `http://127.0.0.1/${index}`,
          title: 't',
          description: '',
          text: '',
          features: [],
          fetchedAt: '2026-11-21T00:00:00.000Z',
          bytes: 1,
        },
      }
    : {
        ok: false,
        candidateId: `c${index}`,
        taskId: `g1/scrape/${index}`,
        url: `http://127.0.0.1/${index}`,
        error: { code: 'http-404', message: 'not found', retryable: false },
      };

describe('scrape join', () => {
  it('checks every other slot once, starting after its own and wrapping around', () => {
    expect(slotsToCheck(2, 5)).toEqual([3, 4, 0, 1]);
    expect(slotsToCheck(0, 3)).toEqual([1, 2]);
    expect(slotsToCheck(0, 1)).toEqual([]);
    for (let own = 0; own < 6; own++) {
      expect([...slotsToCheck(own, 6), own].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it('emits the rank task when this scrape stored its slot, or when it may repeat a lost emit', () => {
    expect(shouldEmitRank({ complete: true, storedByThis: true, mayRepeat: false })).toBe(true);
    expect(shouldEmitRank({ complete: true, storedByThis: false, mayRepeat: true })).toBe(true);
    // A late copy of a goal re-runs a scrape whose slot is filled: it must not start a second rank.
    expect(shouldEmitRank({ complete: true, storedByThis: false, mayRepeat: false })).toBe(false);
    expect(shouldEmitRank({ complete: false, storedByThis: true, mayRepeat: true })).toBe(false);
  });

  it('builds a valid rank task with one contribution per slot, in order, with the goal query and trace links', () => {
    const accepted: AcceptedGoal = {
      fingerprint: 'f',
      acceptedAt: '2026-11-21T00:00:00.000Z',
      goal: { text: 'agent frameworks', topN: 3, requireApproval: false },
    };
    const slots = [{ ...slot(0), traceparent: '00-abc-def-01' }, slot(1, false)];
    const task = buildRankTask('g1', slots, accepted, ({ messageId }) => ({
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
    expect(task.contributions).toEqual([
      { taskId: 'g1/scrape/0', candidateId: 'c0', ok: true, traceparent: '00-abc-def-01' },
      { taskId: 'g1/scrape/1', candidateId: 'c1', ok: false },
    ]);
  });
});
