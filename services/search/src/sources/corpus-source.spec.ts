import { loadCorpus } from '@swarm/corpus';
import { createGuardedFetch } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import { CorpusSource } from './corpus-source.js';
import { createSearchSources } from './source-factory.js';
import { parseSourceConfig } from './source-config.js';
import { SourceFetchEnv, sourceFetchPolicy } from './source-fetch-settings.js';

describe('CorpusSource', () => {
  it('points each hit at its docs server page when a docs base URL is set', async () => {
    const source = new CorpusSource({ packages: loadCorpus(), docsBaseUrl: 'http://127.0.0.1:4100/' });
    const hits = await source.search('vector database client', 3);
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(hit.source).toBe('corpus');
      expect(hit.pageUrl).toBe(`http://127.0.0.1:4100/packages/${hit.pkg.id}.html`);
    }
  });

  it('leaves the page to the homepage or repository without a docs base URL', async () => {
    const hits = await new CorpusSource({ packages: loadCorpus() }).search('agent', 3);
    expect(hits.every((hit) => hit.pageUrl === undefined)).toBe(true);
  });

  it('refuses to search once the caller has aborted', async () => {
    const source = new CorpusSource({ packages: loadCorpus() });
    await expect(source.search('agent', 3, AbortSignal.abort())).rejects.toMatchObject({
      code: 'source-aborted',
      retryable: true,
    });
    await expect(source.search('agent', 3, AbortSignal.abort())).rejects.toBeInstanceOf(TaskError);
  });
});

describe('createSearchSources', () => {
  // Nothing is fetched here: the fetcher only has to exist.
  const fetcher = createGuardedFetch(sourceFetchPolicy(SourceFetchEnv.parse({}), 10_000));
  afterAll(() => fetcher.close());

  it('builds one source per spec, in order, named without their keys', () => {
    const specs = parseSourceConfig(
      'http:https://search.example.test/api?api_key=SECRET,corpus,feed:https://example.test/f.xml',
    );
    expect(
      createSearchSources(specs, { corpus: loadCorpus(), fetcher }).map((source) => source.name),
    ).toEqual([
      'http:https://search.example.test/api?api_key=REDACTED',
      'corpus',
      'feed:https://example.test/f.xml',
    ]);
  });

  it('refuses to build a remote source without a fetcher', () => {
    expect(() =>
      createSearchSources(parseSourceConfig('feed:https://example.test/f.xml'), { corpus: [] }),
    ).toThrow('remote search sources need a guarded fetcher');
  });
});
