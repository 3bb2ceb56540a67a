import { Ranking } from '@swarm/contracts';
import { TaskError } from '@swarm/transport/errors';
import { rankCandidates } from './rank-candidates.js';
import {
  candidate,
  failed,
  focused,
  popular,
  rankInput,
  scraped,
  twoCandidates,
} from './testing/rank-input.fixture.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const input = rankInput;

describe('rankCandidates', () => {
  it('puts the relevant candidate first with the default weights', () => {
    const ranking = rankCandidates(twoCandidates);
    expect(ranking.ranked.map((entry) => entry.candidate.id)).toEqual(['focused', 'popular']);
  });

  it('puts the popular candidate first when the goal weighs adoption only', () => {
    const ranking = rankCandidates({
      ...twoCandidates,
      weights: { relevance: 0, adoption: 10, freshness: 0, coverage: 0, license: 0 },
    });
    expect(ranking.ranked.map((entry) => entry.candidate.id)).toEqual(['popular', 'focused']);
    expect(ranking.weights).toEqual({ relevance: 0, adoption: 1, freshness: 0, coverage: 0, license: 0 });
  });

  it('normalizes partial weight overrides to sum to 1 and reports them on every component', () => {
    const ranking = rankCandidates({ ...twoCandidates, weights: { license: 10 } });
    const sum = Object.values(ranking.weights).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
    expect(ranking.weights.license).toBeCloseTo(10 / 19.5, 10);
    expect(ranking.ranked[0]!.components.license.weight).toBeCloseTo(10 / 19.5, 4);
  });

  it('refuses weights that are all zero with a permanent invalid-weights error', () => {
    const zero = { relevance: 0, adoption: 0, freshness: 0, coverage: 0, license: 0 };
    const attempt = () => rankCandidates({ ...twoCandidates, weights: zero });
    const error = thrownBy(attempt);
    expect(error).toBeInstanceOf(TaskError);
    expect(error).toMatchObject({ code: 'invalid-weights', retryable: false });
    expect((error as Error).message).toContain('all zero');
  });

  it('refuses a weight above 10', () => {
    const error = thrownBy(() => rankCandidates({ ...twoCandidates, weights: { adoption: 11 } }));
    expect(error).toMatchObject({ code: 'invalid-weights', retryable: false });
    expect((error as Error).message).toContain('adoption');
  });

  it('lists a candidate whose scrape failed as missing and still ranks it on metadata', () => {
    const broken = candidate('broken', { summary: 'NATS JetStream client', searchScore: 0.8 });
    const ranking = rankCandidates(
      input([focused, broken], {
        focused: scraped(focused),
        broken: failed(broken, 'fetch failed: HTTP 404'),
      }),
    );
    expect(ranking.missing).toEqual([
      { candidateId: 'broken', name: 'broken', url: broken.url, reason: 'fetch failed: HTTP 404' },
    ]);
    const entry = ranking.ranked.find((e) => e.candidate.id === 'broken')!;
    expect(entry.scraped).toBe(false);
    expect(entry.rationale).toContain('Its page could not be scraped (fetch failed: HTTP 404)');
    expect(entry.components.relevance.rationale).toContain('page not scraped');
    expect(entry.sources).toEqual([broken.url]);
  });

  it('names a candidate with no scrape outcome as missing with "page was not scraped"', () => {
    const ranking = rankCandidates(input([focused], {}));
    expect(ranking.missing[0]?.reason).toBe('page was not scraped');
    expect(ranking.ranked[0]?.scraped).toBe(false);
    expect(ranking.ranked[0]?.rationale).toContain(
      'Its page was never scraped, so relevance and coverage rest on',
    );
  });

  it('breaks ties by monthly downloads, then by name', () => {
    const b = candidate('b-twin');
    const a = candidate('a-twin');
    const busy = candidate('z-busy', { monthlyDownloads: 20_000 });
    // identical facts except downloads (adoption weight 0, so the scores tie exactly)
    const ranking = rankCandidates(input([b, busy, a], {}, { weights: { adoption: 0 } }));
    const scores = new Set(ranking.ranked.map((entry) => entry.score));
    expect(scores.size).toBe(1);
    expect(ranking.ranked.map((entry) => entry.candidate.id)).toEqual(['z-busy', 'a-twin', 'b-twin']);
  });

  it('orders the same way whatever the input order', () => {
    const many = ['e', 'c', 'a', 'd', 'b'].map((id) => candidate(id));
    const forward = rankCandidates(input(many, {}));
    const backward = rankCandidates(input([...many].reverse(), {}));
    expect(backward.ranked.map((e) => e.candidate.id)).toEqual(forward.ranked.map((e) => e.candidate.id));
    expect(forward.ranked.map((e) => e.candidate.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps the best topN, counts every candidate as considered and numbers ranks from 1', () => {
    const ranking = rankCandidates({ ...twoCandidates, topN: 1 });
    expect(ranking.ranked).toHaveLength(1);
    expect(ranking.ranked[0]!.rank).toBe(1);
    expect(ranking.considered).toBe(2);
  });

  it('produces a ranking that passes the contract schema', () => {
    const broken = candidate('broken', { repository: 'git+https://github.com/o/broken.git' });
    const ranking = rankCandidates(
      input([popular, focused, broken], { ...twoCandidates.outcomes, broken: failed(broken, 'timeout') }),
    );
    expect(() => Ranking.parse(ranking)).not.toThrow();
    expect(ranking.ranked.find((e) => e.candidate.id === 'broken')!.sources).toEqual([
      broken.url,
      'https://github.com/o/broken',
    ]);
  });

  it('explains each component with the facts it used', () => {
    const [first] = rankCandidates(twoCandidates).ranked;
    expect(first!.components.adoption.rationale).toContain('2K downloads a month');
    expect(first!.components.freshness.rationale).toContain('Last published 2025-11-01 (20 days ago)');
    expect(first!.components.license.rationale).toBe('MIT is permissive.');
    expect(first!.components.coverage.rationale).toContain('3 distinct features on the scraped page');
    expect(first!.sources).toEqual(['https://example.com/focused/docs']);
    expect(first!.rationale).toMatch(/^Ranked #1 of 2 with 0\.\d\d, carried by relevance/);
  });

  it('refuses a topN below 1', () => {
    expect(thrownBy(() => rankCandidates({ ...twoCandidates, topN: 0 }))).toMatchObject({
      code: 'invalid-input',
      retryable: false,
    });
  });
});
