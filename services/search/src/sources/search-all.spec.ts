import { TaskError } from '@swarm/transport/errors';
import type { PackageRecord } from '../domain/package-record.js';
import { searchAll } from './search-all.js';
import type { SearchSource, SourceHit } from './search-source.js';

function pkg(name: string): PackageRecord {
  return { id: name, name, summary: name, keywords: [], monthlyDownloads: 0, features: [] };
}

function answering(name: string, scores: Record<string, number>): SearchSource {
  return {
    name,
    search: () =>
      Promise.resolve(
        Object.entries(scores).map(([pkgName, score]): SourceHit => ({
          pkg: pkg(pkgName),
          score,
          source: name,
        })),
      ),
  };
}

function failing(name: string, error: Error): SearchSource {
  return { name, search: () => Promise.reject(error) };
}

describe('searchAll', () => {
  it('merges what every source found', async () => {
    const outcome = await searchAll([answering('a', { x: 4, y: 2 }), answering('b', { z: 10 })], 'terms', 5);
    expect(outcome.hits.map((hit) => [hit.pkg.name, hit.score])).toEqual([
      ['x', 1],
      ['z', 1],
      ['y', 0.5],
    ]);
    expect(outcome.failures).toEqual([]);
  });

  it('reports a failed source and keeps the others', async () => {
    const error = TaskError.retryable('source-timeout', 'slow');
    const outcome = await searchAll([failing('feed', error), answering('corpus', { x: 1 })], 'terms', 5);
    expect(outcome.hits).toHaveLength(1);
    expect(outcome.failures).toEqual([{ source: 'feed', error }]);
  });

  it('throws a retryable failure first when every source failed', async () => {
    const permanent = TaskError.permanent('source-rejected', 'no');
    const retryable = TaskError.retryable('source-unavailable', 'later');
    await expect(searchAll([failing('a', permanent), failing('b', retryable)], 't', 5)).rejects.toBe(
      retryable,
    );
    await expect(searchAll([failing('a', permanent)], 't', 5)).rejects.toBe(permanent);
  });

  it('returns no hits for no sources', async () => {
    expect(await searchAll([], 't', 5)).toEqual({ hits: [], failures: [] });
  });
});
