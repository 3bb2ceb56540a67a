import { scoreAdoption } from './adoption-score.js';
import { scoreCoverage } from './coverage-score.js';
import { scoreFreshness } from './freshness-score.js';
import { queryTerms, TextIndex } from './query-terms.js';
import { scoreRelevance } from './relevance-score.js';

const NOW = new Date('2025-11-21T12:00:00.000Z');

describe('scoreFreshness', () => {
  it('scores a package published today 1', () => {
    expect(scoreFreshness('2025-11-21', NOW).score).toBe(1);
  });

  it('halves the score at each half-life (180 days by default)', () => {
    expect(scoreFreshness('2025-05-25', NOW).score).toBeCloseTo(0.5, 10);
    expect(scoreFreshness('2024-11-26', NOW).score).toBeCloseTo(0.25, 10);
  });

  it('follows a custom half-life', () => {
    const result = scoreFreshness('2025-10-22', NOW, 30);
    expect(result.score).toBeCloseTo(0.5, 10);
    expect(result.rationale).toContain('30-day half-life');
  });

  it('scores an unknown date 0.3 and says so', () => {
    expect(scoreFreshness(undefined, NOW)).toEqual({
      score: 0.3,
      rationale: expect.stringContaining('publication date unknown') as string,
    });
  });

  it('treats a future date as today', () => {
    expect(scoreFreshness('2026-01-01', NOW).score).toBe(1);
  });
});

describe('scoreAdoption', () => {
  it('places downloads on the fixed log scale from 1K (0) to 10M (1)', () => {
    expect(scoreAdoption(999, 1e6).score).toBe(0);
    expect(scoreAdoption(100_000, 1e6).score).toBeCloseTo(0.5, 4);
    expect(scoreAdoption(12_500_000, 12_500_000).score).toBe(1);
  });

  it('names the downloads and the standing among the candidates', () => {
    expect(scoreAdoption(12_500_000, 12_500_000).rationale).toBe(
      '12.5M downloads a month, the most of the candidates: at or above the 10M anchor (log scale, 1K -> 0, 10M -> 1).',
    );
  });
});

describe('scoreRelevance', () => {
  const terms = queryTerms('a TypeScript client for NATS work queues');

  it('drops stopwords from the query', () => {
    expect(terms).toEqual(['typescript', 'client', 'nats', 'work', 'queues']);
  });

  it('blends the relative search score with the share of query terms mentioned', () => {
    const text = new TextIndex(['NATS clients in TypeScript']);
    const result = scoreRelevance({ searchScore: 0.5, bestSearchScore: 1, terms, text, scraped: true });
    expect(result.score).toBeCloseTo(0.5 * 0.5 + 0.5 * (3 / 5), 10);
    expect(result.rationale).toContain('matches 3 of 5 query terms');
    expect(result.rationale).toContain('not work, queues');
  });

  it('matches plural and inflected forms through the stem', () => {
    expect(new TextIndex(['queueing and queue groups']).mentioned(['queues', 'groups'])).toEqual([
      'queues',
      'groups',
    ]);
  });
});

describe('scoreCoverage', () => {
  it('counts features naming the query double and saturates', () => {
    const result = scoreCoverage({
      features: ['JetStream', 'retries', 'jetstream'],
      terms: ['jetstream'],
      scraped: true,
    });
    // 2 points for JetStream (query term, duplicate dropped) + 1 for retries = 3 points -> 0.5
    expect(result.score).toBeCloseTo(0.5, 10);
    expect(result.rationale).toContain('2 features on the scraped page, 1 naming the query (JetStream)');
  });

  it('scores no features 0', () => {
    expect(scoreCoverage({ features: [], terms: ['x'], scraped: false }).score).toBe(0);
  });
});
