import { sourceToolNames, TOOL_NAME_PATTERN } from './source-tools.js';

const named = (...names: string[]) => names.map((name) => ({ name }));

describe('sourceToolNames', () => {
  it('names the corpus search_corpus and numbers sources with a target per kind', () => {
    expect(
      sourceToolNames(
        named(
          'corpus',
          'feed:https://a.test/feed.xml',
          'http:https://b.test/api',
          'feed:https://c.test/atom',
        ),
      ),
    ).toEqual(['search_corpus', 'search_feed_1', 'search_http_1', 'search_feed_2']);
  });

  it('numbers repeated sources of one kind so every name is unique', () => {
    expect(sourceToolNames(named('corpus', 'corpus'))).toEqual(['search_corpus_1', 'search_corpus_2']);
  });

  it('gives names the providers accept, whatever the source is called', () => {
    const names = sourceToolNames(named('wéird source!', `${'x'.repeat(100)}:y`, ':nothing'));
    for (const name of names) expect(name).toMatch(TOOL_NAME_PATTERN);
    expect(new Set(names).size).toBe(3);
  });

  it('gives no names for no sources', () => {
    expect(sourceToolNames([])).toEqual([]);
  });
});
