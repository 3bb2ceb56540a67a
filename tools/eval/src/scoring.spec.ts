import type { JudgedGoal } from './judged-set.js';
import { cutoffFor, dcgAt, isHonest, ndcgAt, precisionAt, scoreGoal, summarizeScores } from './scoring.js';

const goal = (over: Partial<JudgedGoal> = {}): JudgedGoal => ({
  id: 'g',
  kind: 'topic',
  text: 'vector database clients',
  topN: 5,
  judgments: { a: 3, b: 2, c: 1 },
  ...over,
});

describe('dcgAt', () => {
  it('sums gains 2^grade - 1 discounted by log2(rank + 1)', () => {
    expect(dcgAt([3, 2, 0], 5)).toBeCloseTo(7 / 1 + 3 / Math.log2(3) + 0, 10);
  });

  it('stops at the cut-off', () => {
    expect(dcgAt([0, 0, 3], 2)).toBe(0);
  });
});

describe('ndcgAt', () => {
  it('is 1 for the ideal order of every judged package', () => {
    expect(ndcgAt(['a', 'b', 'c'], { a: 3, b: 2, c: 1 }, 5)).toBeCloseTo(1, 10);
  });

  it('measures against all judgments, so a relevant package never found costs score', () => {
    const found = ndcgAt(['a'], { a: 3, b: 3 }, 5);
    expect(found).toBeCloseTo(7 / (7 + 7 / Math.log2(3)), 10);
    expect(found).toBeLessThan(1);
  });

  it('is lower when the best package sits lower', () => {
    const judgments = { a: 3, b: 1 };
    expect(ndcgAt(['x', 'a'], judgments, 5)).toBeLessThan(ndcgAt(['a', 'x'], judgments, 5));
  });

  it('counts a package listed twice once', () => {
    expect(ndcgAt(['a', 'a'], { a: 3, b: 3 }, 5)).toBeCloseTo(ndcgAt(['a'], { a: 3, b: 3 }, 5), 10);
  });

  it('is 0 for unjudged packages and 0 when nothing is judged', () => {
    expect(ndcgAt(['x', 'y'], { a: 3 }, 5)).toBe(0);
    expect(ndcgAt(['x'], {}, 5)).toBe(0);
  });
});

describe('precisionAt', () => {
  it('counts grade 2 and 3 as relevant, grade 1 not', () => {
    expect(precisionAt(['a', 'b', 'c', 'x', 'y'], { a: 3, b: 2, c: 1 }, 5)).toBeCloseTo(2 / 5, 10);
  });

  it('divides by the cut-off, so returning fewer does not raise it', () => {
    expect(precisionAt(['a'], { a: 3 }, 5)).toBeCloseTo(1 / 5, 10);
  });
});

describe('cutoffFor', () => {
  it('is 5, or the topN when a goal asks for fewer', () => {
    expect(cutoffFor(10)).toBe(5);
    expect(cutoffFor(3)).toBe(3);
  });
});

describe('isHonest', () => {
  it('is honest when the goal ended nothing-found or returned nothing', () => {
    expect(isHonest({ outcome: 'nothing-found', ranked: [] })).toBe(true);
    expect(isHonest({ outcome: 'delivered', ranked: [] })).toBe(true);
  });

  it('is not honest when it delivered a confident list', () => {
    expect(isHonest({ outcome: 'delivered', ranked: ['a', 'b'] })).toBe(false);
  });
});

describe('scoreGoal', () => {
  it('scores an answerable goal at its cut-off and leaves honesty empty', () => {
    const score = scoreGoal(goal({ topN: 2 }), { outcome: 'delivered', ranked: ['b', 'a'] });
    expect(score.precision).toBeCloseTo(1, 10);
    expect(score.ndcg).toBeCloseTo((3 + 7 / Math.log2(3)) / (7 + 3 / Math.log2(3)), 10);
    expect(score.honest).toBeNull();
  });

  it('scores an unanswerable goal by honesty only', () => {
    const score = scoreGoal(goal({ kind: 'unanswerable', judgments: {} }), {
      outcome: 'delivered',
      ranked: ['x'],
    });
    expect(score).toMatchObject({ ndcg: null, precision: null, honest: false, returned: 1 });
  });
});

describe('summarizeScores', () => {
  it('averages answerable goals and counts honest unanswerable ones', () => {
    const summary = summarizeScores([
      scoreGoal(goal(), { outcome: 'delivered', ranked: ['a', 'b', 'c'] }),
      scoreGoal(goal(), { outcome: 'delivered', ranked: [] }),
      scoreGoal(goal({ kind: 'unanswerable', judgments: {} }), { outcome: 'nothing-found', ranked: [] }),
      scoreGoal(goal({ kind: 'unanswerable', judgments: {} }), { outcome: 'delivered', ranked: ['x'] }),
    ]);
    expect(summary.goals).toBe(4);
    expect(summary.meanNdcg).toBeCloseTo(0.5, 10);
    expect(summary.meanPrecision).toBeCloseTo(0.2, 10);
    expect(summary).toMatchObject({ honest: 1, unanswerable: 2 });
  });
});
