import { Candidate, LIMITS } from '@swarm/contracts';
import type { PackageRecord, ScoredPackage } from './package-record.js';
import { candidateCount, docsPageUrl, selectCandidates, toCandidate } from './candidates.js';

const base: PackageRecord = {
  id: 'acme__agent',
  name: '@acme/agent',
  summary: 'An agent framework.',
  keywords: ['agent', 'ai'],
  monthlyDownloads: 1200,
  license: 'MIT',
  version: '1.0.0',
  lastPublished: '2026-09-07',
  homepage: 'https://acme.example/agent',
  repository: 'https://github.com/acme/agent',
  features: ['multi-agent'],
};

function hit(id: string, score: number, extra: Partial<PackageRecord> = {}, pageUrl?: string): ScoredPackage {
  return { pkg: { ...base, id, name: id, ...extra }, score, pageUrl };
}

describe('toCandidate', () => {
  it('uses the page URL when there is one', () => {
    const candidate = toCandidate(base, 0.8, docsPageUrl('http://127.0.0.1:4000/', base.id));
    expect(candidate).toEqual({
      id: 'acme__agent',
      name: '@acme/agent',
      summary: 'An agent framework.',
      url: 'http://127.0.0.1:4000/packages/acme__agent.html',
      homepage: 'https://acme.example/agent',
      repository: 'https://github.com/acme/agent',
      keywords: ['agent', 'ai'],
      monthlyDownloads: 1200,
      license: 'MIT',
      version: '1.0.0',
      lastPublished: '2026-09-07',
      searchScore: 0.8,
    });
    expect(Candidate.safeParse(candidate).success).toBe(true);
  });

  it('falls back to the homepage, then the repository', () => {
    expect(toCandidate(base, 1)?.url).toBe('https://acme.example/agent');
    expect(toCandidate({ ...base, homepage: undefined }, 1)?.url).toBe('https://github.com/acme/agent');
  });

  it('returns undefined without a usable URL', () => {
    expect(toCandidate({ ...base, homepage: undefined, repository: undefined }, 1)).toBeUndefined();
    expect(
      toCandidate({ ...base, homepage: 'ftp://acme.example', repository: undefined }, 1),
    ).toBeUndefined();
  });

  it('cuts or leaves out facts that do not fit the contract', () => {
    const candidate = toCandidate(
      {
        ...base,
        summary: 'x'.repeat(5_000),
        keywords: [...Array.from({ length: 80 }, (_, i) => `k${i}`), 'y'.repeat(101)],
        monthlyDownloads: -3.5,
        license: 'L'.repeat(101),
        lastPublished: 'yesterday',
      },
      Number.NaN,
    );
    expect(candidate).toBeDefined();
    expect(candidate!.summary).toHaveLength(2_000);
    expect(candidate!.keywords).toHaveLength(64);
    expect(candidate!.monthlyDownloads).toBe(0);
    expect(candidate!.searchScore).toBe(0);
    expect(candidate).not.toHaveProperty('license');
    expect(candidate).not.toHaveProperty('lastPublished');
    expect(Candidate.safeParse(candidate).success).toBe(true);
  });
});

describe('candidateCount', () => {
  it('scrapes twice the wanted count by default', () => {
    expect(candidateCount({ topN: 5 })).toBe(10);
  });

  it('never exceeds max or the contract limit', () => {
    expect(candidateCount({ topN: 5, factor: 3, max: 12 })).toBe(12);
    expect(candidateCount({ topN: 25, factor: 4, max: 500 })).toBe(LIMITS.candidatesMax);
  });
});

describe('selectCandidates', () => {
  it('takes the hits in order up to the count, skipping unusable and repeated ones', () => {
    const hits = [
      hit('a', 0.9),
      hit('b', 0.8, { homepage: undefined, repository: undefined }),
      hit('a', 0.7),
      hit('c', 0.6),
      hit('d', 0.5),
    ];
    const selected = selectCandidates(hits, { topN: 1, factor: 3 });
    expect(selected.map((c) => c.id)).toEqual(['a', 'c', 'd']);
    expect(selected.map((c) => c.searchScore)).toEqual([0.9, 0.6, 0.5]);
  });

  it('returns fewer candidates when the hits run out', () => {
    expect(selectCandidates([hit('a', 1)], { topN: 5 })).toHaveLength(1);
    expect(selectCandidates([], { topN: 5 })).toEqual([]);
  });
});
