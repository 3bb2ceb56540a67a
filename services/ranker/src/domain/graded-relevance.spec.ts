import { Ranking } from '@swarm/contracts';
import { rankCandidates } from './rank-candidates.js';
import { focused, popular, rankInput, scraped, twoCandidates } from './testing/rank-input.fixture.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const entryOf = (ranking: Ranking, id: string) => ranking.ranked.find((e) => e.candidate.id === id)!;

describe('rankCandidates with relevance grades', () => {
  const measured = rankCandidates(twoCandidates);
  const graded = rankCandidates({
    ...twoCandidates,
    relevanceGrades: {
      focused: { grade: 2, rationale: 'A JetStream client with work queues, per its page.' },
      popular: { grade: 1, rationale: '  An HTTP\nserver, barely related to NATS.  ' },
    },
  });

  it('scores a graded candidate relevance grade / 3 with the model rationale, said to be the model grade', () => {
    const relevance = entryOf(graded, 'focused').components.relevance;
    expect(relevance.score).toBe(0.6667);
    expect(relevance.rationale).toBe(
      'Graded 2 of 3 by the model: A JetStream client with work queues, per its page.',
    );
    expect(entryOf(graded, 'popular').components.relevance).toMatchObject({
      score: 0.3333,
      rationale: 'Graded 1 of 3 by the model: An HTTP server, barely related to NATS.',
    });
  });

  it('keeps every other component as measured and weighs them the same way', () => {
    for (const id of ['focused', 'popular']) {
      const before = entryOf(measured, id);
      const after = entryOf(graded, id);
      const { relevance: _r, ...others } = after.components;
      const { relevance: _m, ...measuredOthers } = before.components;
      expect(others).toEqual(measuredOthers);
      const expected = Object.entries(after.components).reduce(
        (sum, [, component]) => sum + component.weight * component.score,
        0,
      );
      expect(after.score).toBeCloseTo(expected, 3);
    }
    expect(entryOf(graded, 'focused').score).toBeLessThan(entryOf(measured, 'focused').score);
  });

  it('lets the grades decide the order when relevance carries the weight', () => {
    const ranking = rankCandidates({
      ...twoCandidates,
      weights: { relevance: 10, adoption: 0, freshness: 0, coverage: 0, license: 0 },
      relevanceGrades: {
        popular: { grade: 3, rationale: 'Exactly what was asked.' },
        focused: { grade: 1, rationale: 'Related only.' },
      },
    });
    expect(ranking.ranked.map((e) => [e.candidate.id, e.score])).toEqual([
      ['popular', 1],
      ['focused', 0.3333],
    ]);
  });

  it('keeps the measured relevance of a candidate the grades leave out', () => {
    const ranking = rankCandidates({
      ...twoCandidates,
      relevanceGrades: { popular: { grade: 1, rationale: 'Related.' } },
    });
    expect(entryOf(ranking, 'focused').components.relevance).toEqual(
      entryOf(measured, 'focused').components.relevance,
    );
    expect(entryOf(ranking, 'popular').components.relevance.score).toBe(0.3333);
  });

  it.each([4, -1, 1.5, Number.NaN])('refuses the grade %p with a permanent invalid-input error', (grade) => {
    const error = thrownBy(() =>
      rankCandidates({ ...twoCandidates, relevanceGrades: { focused: { grade, rationale: 'x' } } }),
    );
    expect(error).toMatchObject({ code: 'invalid-input', retryable: false });
    expect((error as Error).message).toContain(`relevance grade of focused must be a whole number`);
  });

  it('produces a ranking the contract accepts, carrying the page claims of a scraped entry', () => {
    expect(() => Ranking.parse(graded)).not.toThrow();
    expect(entryOf(graded, 'focused').claims).toEqual([
      { claim: 'Pulls work from JetStream queues', quote: 'with work queues' },
    ]);
    expect(entryOf(graded, 'popular')).not.toHaveProperty('claims');
    const noClaims = rankCandidates(rankInput([focused], { focused: scraped(focused, { claims: [] }) }));
    expect(noClaims.ranked[0]).not.toHaveProperty('claims');
    expect(Object.keys(rankCandidates(rankInput([popular], {})).ranked[0]!)).not.toContain('claims');
  });
});
