import type { PackageRecord } from '../domain/package-record.js';
import { mergeHits } from './merge-hits.js';
import type { SourceHit } from './search-source.js';

function hit(source: string, name: string, score: number, extra: Partial<PackageRecord> = {}): SourceHit {
  const pkg: PackageRecord = {
    id: name,
    name,
    summary: `${name} summary`,
    keywords: [],
    monthlyDownloads: 0,
    features: [],
    ...extra,
  };
  return { pkg, score, source, pageUrl: `https://${source}.test/${name}` };
}

describe('mergeHits', () => {
  it('scales each source to 0..1 before comparing', () => {
    const merged = mergeHits([
      [hit('corpus', 'a', 80), hit('corpus', 'b', 40)],
      [hit('feed', 'c', 2), hit('feed', 'd', 1.5)],
    ]);
    expect(merged.map((h) => [h.pkg.name, h.score])).toEqual([
      ['a', 1],
      ['c', 1],
      ['d', 0.75],
      ['b', 0.5],
    ]);
  });

  it('keeps one hit per package name with the best score and the facts the others add', () => {
    const merged = mergeHits([
      [
        hit('corpus', 'Agent-Kit', 10, { license: 'MIT', monthlyDownloads: 500, keywords: ['agent'] }),
        hit('corpus', 'x', 20),
      ],
      [hit('http', 'agent-kit', 3, { version: '2.0.0', homepage: 'https://kit.test' })],
    ]);
    expect(merged).toHaveLength(2);
    const kit = merged.find((h) => h.pkg.name.toLowerCase() === 'agent-kit')!;
    expect(kit.source).toBe('http');
    expect(kit.score).toBe(1);
    expect(kit.pageUrl).toBe('https://http.test/agent-kit');
    expect(kit.pkg).toMatchObject({
      name: 'agent-kit',
      version: '2.0.0',
      license: 'MIT',
      monthlyDownloads: 500,
      keywords: ['agent'],
      homepage: 'https://kit.test',
    });
  });

  it('prefers the earlier source on a tie and orders ties by downloads, then name', () => {
    const merged = mergeHits([
      [
        hit('corpus', 'same', 5),
        hit('corpus', 'zeta', 5, { monthlyDownloads: 9 }),
        hit('corpus', 'alpha', 5),
      ],
      [hit('feed', 'same', 1)],
    ]);
    expect(merged.map((h) => `${h.source}:${h.pkg.name}`)).toEqual([
      'corpus:zeta',
      'corpus:alpha',
      'corpus:same',
    ]);
  });

  it('scores a list whose best score is 0 at 0', () => {
    expect(mergeHits([[hit('feed', 'a', 0)]])[0]!.score).toBe(0);
    expect(mergeHits([])).toEqual([]);
  });
});
