import { Ranking } from '@swarm/contracts';
import { licenseMiss } from './license-constraint.js';
import { rankCandidates } from './rank-candidates.js';
import { candidate, focused, QUERY, rankInput } from './testing/rank-input.fixture.js';

describe('licenseMiss', () => {
  const mit = { wanted: 'MIT', words: ['mit', 'licensed'] };
  const permissive = { wanted: 'permissive', words: ['permissively', 'licensed'] };

  it('accepts a licence the expression offers', () => {
    expect(licenseMiss(mit, 'MIT')).toBeUndefined();
    expect(licenseMiss(mit, '(MIT OR Apache-2.0)')).toBeUndefined();
    expect(licenseMiss({ wanted: 'APACHE-2.0', words: [] }, 'Apache-2.0')).toBeUndefined();
    expect(licenseMiss({ wanted: 'BSD', words: [] }, 'BSD-3-Clause')).toBeUndefined();
  });

  it('says why another licence, or none, does not meet a named one', () => {
    expect(licenseMiss(mit, 'Apache-2.0')).toBe('licence Apache-2.0 is not MIT, which the goal asks for');
    expect(licenseMiss(mit, undefined)).toBe('declares no licence; the goal asks for MIT');
  });

  it('accepts any permissive licence for "permissively licensed", not a copyleft one', () => {
    expect(licenseMiss(permissive, 'ISC')).toBeUndefined();
    expect(licenseMiss(permissive, 'MIT OR GPL-3.0')).toBeUndefined();
    expect(licenseMiss(permissive, 'AGPL-3.0')).toBe(
      'licence AGPL-3.0 is not permissive; the goal asks for a permissive licence',
    );
  });
});

describe('rankCandidates with a licence the goal asks for', () => {
  it('ranks only candidates under that licence and lists the others as near misses saying why', () => {
    const apache = candidate('apache-client', {
      searchScore: 0.95,
      license: 'Apache-2.0',
      summary: 'TypeScript NATS JetStream client for work queues',
    });
    const ranking = rankCandidates(rankInput([focused, apache], {}, { query: `MIT-licensed ${QUERY}` }));
    expect(ranking.ranked.map((entry) => entry.candidate.name)).toEqual(['focused']);
    expect(ranking.nearMisses).toEqual([
      expect.objectContaining({
        name: 'apache-client',
        reason: 'licence Apache-2.0 is not MIT, which the goal asks for',
      }),
    ]);
    expect(() => Ranking.parse(ranking)).not.toThrow();
  });

  it('ranks by the floor alone when the goal names no licence', () => {
    const apache = candidate('apache-client', { license: 'Apache-2.0' });
    const ranking = rankCandidates(rankInput([focused, apache], {}));
    expect(ranking.ranked.map((entry) => entry.candidate.name)).toContain('apache-client');
  });
});
