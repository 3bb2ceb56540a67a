import { InvalidSourceConfigError } from './errors.js';
import { parseSourceConfig, sourceName } from './source-config.js';

describe('parseSourceConfig', () => {
  it('reads corpus, feed and http entries in order', () => {
    expect(
      parseSourceConfig(
        'corpus, feed:https://example.test/feed.xml ,http:https://search.example.test/api?x=1',
      ),
    ).toEqual([
      { kind: 'corpus' },
      { kind: 'feed', url: 'https://example.test/feed.xml' },
      { kind: 'http', endpoint: 'https://search.example.test/api?x=1' },
    ]);
  });

  it('ignores empty entries', () => {
    expect(parseSourceConfig('corpus,,')).toEqual([{ kind: 'corpus' }]);
  });

  it.each([
    ['', /no search source configured in ""/],
    [' , ', /no search source configured/],
    [
      'corpus,rss:https://x.test/feed',
      /search source entry 2 \("rss:https:\/\/x\.test\/feed"\) has an unknown kind/,
    ],
    ['feed:', /search source entry 1 \("feed:"\) has an invalid url: must be an absolute http\(s\) URL/],
    ['corpus,feed:ftp://x.test/feed', /entry 2 \("feed:ftp:\/\/x\.test\/feed"\) has an invalid url/],
    ['http:not a url', /entry 1 \("http:not a url"\) has an invalid endpoint/],
    ['corpus,corpus', /search source entry 2 \("corpus"\) repeats entry 1/],
  ])('rejects %j', (config, message) => {
    let error: unknown;
    try {
      parseSourceConfig(config);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSourceConfigError);
    expect((error as InvalidSourceConfigError).code).toBe('invalid-source-config');
    expect((error as Error).message).toMatch(message);
  });
});

describe('sourceName', () => {
  it('names each kind of source', () => {
    expect(sourceName({ kind: 'corpus' })).toBe('corpus');
    expect(sourceName({ kind: 'feed', url: 'https://x.test/f' })).toBe('feed:https://x.test/f');
    expect(sourceName({ kind: 'http', endpoint: 'https://x.test/s' })).toBe('http:https://x.test/s');
  });

  it('never shows a key or credentials of the url', () => {
    expect(sourceName({ kind: 'feed', url: 'https://x.test/f?api_key=SECRET&lang=en' })).toBe(
      'feed:https://x.test/f?api_key=REDACTED&lang=en',
    );
    expect(sourceName({ kind: 'http', endpoint: 'https://me:SECRET@x.test/s?token=SECRET' })).toBe(
      'http:https://REDACTED:REDACTED@x.test/s?token=REDACTED',
    );
  });
});

describe('parseSourceConfig and secrets', () => {
  it('names a bad entry without its key', () => {
    expect(() => parseSourceConfig('corpus,rss:https://x.test/feed?api_key=SECRET')).toThrow(
      'search source entry 2 ("rss:https://x.test/feed?api_key=REDACTED") has an unknown kind',
    );
  });
});
