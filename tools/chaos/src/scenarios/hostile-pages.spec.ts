import { hostilePageIds, hostileScrapesOf } from './hostile-pages.scenario.js';

describe('hostilePageIds', () => {
  it('takes every n-th id in sorted order and alternates the wide and the deep page', () => {
    expect([...hostilePageIds(['e', 'a', 'c', 'b', 'd'], 2)]).toEqual([
      ['a', 'wide'],
      ['c', 'deep'],
      ['e', 'wide'],
    ]);
  });
});

describe('hostileScrapesOf', () => {
  const hostile = new Set(['/packages/a.html']);
  const scrape = (url: string, output: Record<string, unknown>) => ({
    queue: 'scrape',
    output: { url, ...output },
  });

  it('counts the hostile pages refused as page-too-complex and names any that ended otherwise', () => {
    expect(
      hostileScrapesOf(
        [
          scrape('http://127.0.0.1:1/packages/a.html', { ok: false, error: 'page-too-complex' }),
          scrape('http://127.0.0.1:1/packages/a.html', { ok: true }),
          scrape('http://127.0.0.1:1/packages/b.html', { ok: true }),
          { queue: 'rank', output: { url: 'http://127.0.0.1:1/packages/a.html' } },
          null,
        ],
        hostile,
      ),
    ).toEqual({ hostile: 2, refused: 1, otherwise: ['http://127.0.0.1:1/packages/a.html: ok'] });
  });
});
