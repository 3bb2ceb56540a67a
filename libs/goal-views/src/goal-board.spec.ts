import type { StoredMessage } from '@swarm/transport';
import type { GoalHeadMessages } from './goal-board.js';
import { goalIdInSubject, indexGoals, planBoardReads, stageOf, staleGoals, toGoalRow } from './goal-board.js';
import type { GoalEvent } from './goal-timeline.js';
import { boardHead, boardTime } from './testing/index.js';

const at = boardTime;
const PATTERNS = {
  submitted: 'p.evt.*.goal.submitted',
  completed: 'p.evt.*.goal.completed',
  failed: 'p.evt.*.goal.failed',
};
/** A stored message as the index pass reads it: headers only (`body` is `''`) unless a body is given. */
const stored = (goalId: string, type: string, seq: number, body: unknown = ''): StoredMessage => ({
  subject: `p.evt.${goalId}.${type}`,
  streamSequence: seq,
  time: at(seq),
  headers: {},
  body,
});
const heads = (
  submitted: StoredMessage[],
  completed: StoredMessage[] = [],
  failed: StoredMessage[] = [],
): GoalHeadMessages => ({
  submitted: { pattern: PATTERNS.submitted, messages: submitted },
  completed: { pattern: PATTERNS.completed, messages: completed },
  failed: { pattern: PATTERNS.failed, messages: failed },
});
const event = (type: string, second: number, extra: Record<string, unknown> = {}): GoalEvent => ({
  type,
  time: at(second),
  body: { type, ...extra },
});
const head = boardHead;

describe('goalIdInSubject', () => {
  it('takes the goal id from the token the pattern wildcards', () => {
    expect(goalIdInSubject(PATTERNS.submitted, 'p.evt.g-1.goal.submitted')).toBe('g-1');
    expect(goalIdInSubject('swarm.evt.*.goal.failed', 'swarm.evt.abc.goal.failed')).toBe('abc');
  });

  it('gives nothing for a subject of another type, prefix or length', () => {
    expect(goalIdInSubject(PATTERNS.submitted, 'p.evt.g1.goal.completed')).toBeUndefined();
    expect(goalIdInSubject(PATTERNS.submitted, 'q.evt.g1.goal.submitted')).toBeUndefined();
    expect(goalIdInSubject(PATTERNS.submitted, 'p.evt.g1.x.goal.submitted')).toBeUndefined();
  });
});

describe('indexGoals', () => {
  it('lists every submitted goal newest first, by its latest submission', () => {
    const index = indexGoals(
      heads([
        stored('a', 'goal.submitted', 1),
        stored('c', 'goal.submitted', 3),
        stored('b', 'goal.submitted', 7),
      ]),
    );
    expect(index.map((h) => [h.goalId, h.submittedSeq])).toEqual([
      ['b', 7],
      ['c', 3],
      ['a', 1],
    ]);
    expect(index[0]).toMatchObject({ lastSubmittedAt: at(7), outcome: 'open', endedAt: undefined });
  });

  it('takes the outcome from goal.completed, and failed from goal.failed, not "completed" for every end', () => {
    const index = indexGoals(
      heads(
        ['d', 'n', 'r', 'x', 'f', 'o'].map((id, i) => stored(id, 'goal.submitted', i + 1)),
        [
          stored('d', 'goal.completed', 10, { outcome: 'delivered' }),
          stored('n', 'goal.completed', 11, { outcome: 'nothing-found' }),
          stored('r', 'goal.completed', 12, { outcome: 'rejected' }),
          stored('x', 'goal.completed', 13, { outcome: 'approval-expired' }),
        ],
        [stored('f', 'goal.failed', 14)],
      ),
    );
    expect(Object.fromEntries(index.map((h) => [h.goalId, h.outcome]))).toEqual({
      d: 'delivered',
      n: 'nothing-found',
      r: 'rejected',
      x: 'approval-expired',
      f: 'failed',
      o: 'open',
    });
    expect(index.find((h) => h.goalId === 'f')?.endedAt).toEqual(at(14));
  });

  it('says "ended" when only the headers of goal.completed were read', () => {
    const index = indexGoals(heads([stored('a', 'goal.submitted', 1)], [stored('a', 'goal.completed', 2)]));
    expect(index[0]?.outcome).toBe('ended');
  });

  it('ends a goal at its first terminal event, and ignores ends of goals never submitted', () => {
    const index = indexGoals(
      heads(
        [stored('a', 'goal.submitted', 1)],
        [stored('a', 'goal.completed', 5, { outcome: 'delivered' }), stored('ghost', 'goal.completed', 6)],
        [stored('a', 'goal.failed', 3)],
      ),
    );
    expect(index.map((h) => [h.goalId, h.outcome, h.endedAt])).toEqual([['a', 'failed', at(3)]]);
  });
});

describe('planBoardReads', () => {
  const index = [head('n5', 5), head('n4', 4, 'delivered'), head('n3', 3), head('n2', 2), head('n1', 1)];

  it('shows the newest open goals up to the limit, with their stage', () => {
    const plan = planBoardReads(index, { limit: 2 });
    expect(plan.shown.map((h) => h.goalId)).toEqual(['n5', 'n3']);
    expect(plan.details.map((h) => h.goalId)).toEqual(['n5', 'n3']);
    expect([...plan.stageOf]).toEqual(['n5', 'n3']);
  });

  it('reads every open goal for the stale check, however many the limit hides', () => {
    const plan = planBoardReads(index, { limit: 1, staleCheck: true });
    expect(plan.shown.map((h) => h.goalId)).toEqual(['n5']);
    expect(plan.details.map((h) => h.goalId)).toEqual(['n5', 'n3', 'n2', 'n1']);
    expect([...plan.stageOf]).toEqual(['n5']);
  });

  it('shows ended goals too with all, newest first, and reads no stage for them', () => {
    const plan = planBoardReads(index, { all: true, limit: 2 });
    expect(plan.shown.map((h) => h.goalId)).toEqual(['n5', 'n4']);
    expect([...plan.stageOf]).toEqual(['n5']);
    expect(planBoardReads(index, { all: true }).shown).toHaveLength(5);
  });
});

describe('stageOf', () => {
  it('names the step a goal last reached from its latest event', () => {
    expect(stageOf(event('goal.submitted', 1))).toBe('submitted');
    expect(stageOf(event('task.claimed', 1, { queue: 'scrape' }))).toBe('scrape');
    expect(stageOf(event('task.failed', 1, { queue: 'rank' }))).toBe('rank');
    expect(stageOf(event('task.completed', 1, { queue: 'search' }))).toBe('search done');
    expect(stageOf(event('approval.requested', 1))).toBe('awaiting-approval');
    expect(stageOf(event('approval.granted', 1))).toBe('approved');
  });

  it('shows a goal paused for budget as awaiting budget, not as running or failed', () => {
    expect(stageOf(event('budget.exhausted', 1, { queue: 'rank', policy: 'pause' }))).toBe('awaiting-budget');
    const parked = { queue: 'rank', willRetry: false, error: { code: 'budget-exhausted' } };
    expect(stageOf(event('task.failed', 1, parked))).toBe('awaiting-budget');
    expect(stageOf(event('task.failed', 1, { ...parked, error: { code: 'flaky' } }))).toBe('rank');
    expect(stageOf(event('budget.exhausted', 1, { policy: 'degrade' }))).toBe('degraded');
    expect(stageOf(event('budget.added', 1))).toBe('budget-added');
  });

  it('knows no stage without an event, or from an end', () => {
    expect(stageOf(undefined)).toBeUndefined();
    expect(stageOf(event('goal.completed', 1))).toBeUndefined();
  });
});

describe('toGoalRow', () => {
  it('ages an open goal from its first submission, with its text and stage', () => {
    const row = toGoalRow(
      head('a', 30),
      {
        firstSubmission: event('goal.submitted', 10, { goal: { text: 'find x' } }),
        lastEvent: event('task.claimed', 31, { queue: 'scrape' }),
      },
      at(40),
    );
    expect(row).toEqual({
      goalId: 'a',
      text: 'find x',
      outcome: 'open',
      stage: 'scrape',
      submittedAt: at(10),
      endedAt: undefined,
      ageSeconds: 30,
    });
  });

  it('ages an ended goal to its end, with no stage, and falls back to the latest submission', () => {
    const row = toGoalRow(head('b', 20, 'rejected'), { lastEvent: event('approval.rejected', 21) }, at(40));
    expect(row).toMatchObject({ outcome: 'rejected', stage: undefined, submittedAt: at(20), ageSeconds: 1 });
  });
});

describe('staleGoals', () => {
  it('keeps the open goals older than the limit, awaiting approval included, ended ones never', () => {
    const rows = [
      toGoalRow(head('wait', 1), { lastEvent: event('approval.requested', 2) }, at(40)),
      toGoalRow(head('new', 35), {}, at(40)),
      toGoalRow(head('done', 1, 'delivered'), {}, at(40)),
    ];
    expect(staleGoals(rows, 30).map((r) => r.goalId)).toEqual(['wait']);
    expect(staleGoals(rows, 4).map((r) => r.goalId)).toEqual(['wait', 'new']);
    expect(staleGoals(rows, 39)).toEqual([]);
  });
});
