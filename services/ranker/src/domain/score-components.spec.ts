import { scoreAdoption } from './adoption-score.js';
import { scoreCoverage } from './coverage-score.js';
import { scoreFreshness } from './freshness-score.js';
import { fieldTerms, matchConcepts } from './concept-match.js';
import { goalConcepts } from './goal-concepts.js';
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
  const concepts = goalConcepts('a TypeScript client for NATS work queues');
  const relevance = (searchScore: number, fields: Parameters<typeof fieldTerms>[0]) =>
    scoreRelevance({
      searchScore,
      bestSearchScore: 1,
      match: matchConcepts(concepts, fieldTerms(fields)),
      conceptCount: concepts.length,
      scraped: true,
    });

  it('blends the relative search score with the field-weighted share of goal concepts met', () => {
    const result = relevance(0.5, { summary: 'NATS clients in TypeScript' });
    // typescript, client, nats met in the summary (weight 1.5 of 3); work, queues missed: 3 of 5 concepts.
    // Without features there is no focus, so the concept part stands in for it: 0.4 search + 0.6 concepts.
    expect(result.score).toBeCloseTo(0.4 * 0.5 + 0.6 * ((3 * 1.5) / 3 / 5), 10);
    expect(result.rationale).toContain('meet 3 of 5 goal concepts');
    expect(result.rationale).toContain('not work, queues');
  });

  it('scores a concept met in the name higher than the same concept met in the description', () => {
    expect(relevance(0.5, { name: 'nats-queue-client' }).score).toBeGreaterThan(
      relevance(0.5, { summary: 'nats queue client' }).score,
    );
  });

  it('matches plural and inflected forms through the shared stemmer', () => {
    const match = matchConcepts(goalConcepts('work queues'), fieldTerms({ summary: 'queueing and work' }));
    expect(match.missed).toEqual([]);
  });
});

describe('scoreCoverage', () => {
  const concepts = goalConcepts('jetstream');

  it('counts features naming the query double and saturates', () => {
    const result = scoreCoverage({
      features: ['JetStream', 'retries', 'jetstream'],
      concepts,
      scraped: true,
    });
    // 2 points for JetStream (query term, duplicate dropped) + 1 for retries = 3 points -> 0.5
    expect(result.score).toBeCloseTo(0.5, 10);
    expect(result.rationale).toContain(
      '2 distinct features on the scraped page, 1 naming the query (JetStream)',
    );
  });

  it('does not reward keyword stuffing: repeats and inflections count once, other features at most 3 points', () => {
    const stuffed = [
      'agent',
      'agents',
      'Agentic',
      'ai',
      'llm',
      'llms',
      'openai',
      'anthropic',
      'gemini',
      'tools',
    ];
    const honest = ['agent', 'ai', 'llm'];
    const score = (features: string[]) => scoreCoverage({ features, concepts, scraped: false }).score;
    expect(score(stuffed)).toBe(score(honest));
  });

  it('scores no features 0', () => {
    expect(scoreCoverage({ features: [], concepts, scraped: false }).score).toBe(0);
  });
});
