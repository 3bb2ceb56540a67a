import { loadCommunicationsConfig } from '../config.js';
import { packagePageUrl, withPackagePages } from './package-page-source.js';
import { rankedEntry, ranking } from './testing/ranking.fixture.js';

const TEMPLATE = 'https://registry.example/package/{name}';

describe('packagePageUrl', () => {
  it('puts the name where the template says, keeping a scoped name as registry websites address it', () => {
    expect(packagePageUrl(TEMPLATE, '@langchain/core')).toBe(
      'https://registry.example/package/@langchain/core',
    );
    expect(packagePageUrl('https://registry.example/{name}?tab=readme', 'ai')).toBe(
      'https://registry.example/ai?tab=readme',
    );
  });
});

describe('withPackagePages', () => {
  it('adds the package page after the sources the ranker gave, to every entry', () => {
    const given = ranking([
      rankedEntry(1, 'nats', {
        sources: ['http://127.0.0.1:4000/nats.html', 'https://github.com/nats-io/nats.js'],
      }),
      rankedEntry(2, '@nats-io/jetstream'),
    ]);
    const cited = withPackagePages(given, TEMPLATE);
    expect(cited.ranked.map((entry) => entry.sources)).toEqual([
      [
        'http://127.0.0.1:4000/nats.html',
        'https://github.com/nats-io/nats.js',
        'https://registry.example/package/nats',
      ],
      [
        'https://docs.example.com/%40nats-io%2Fjetstream',
        'https://registry.example/package/@nats-io/jetstream',
      ],
    ]);
  });

  it('leaves the ranking as it is when no template is set', () => {
    const given = ranking([rankedEntry(1, 'nats')]);
    expect(withPackagePages(given, undefined)).toBe(given);
  });

  it('keeps the contract bound of eight sources and does not cite a page twice', () => {
    const eight = Array.from({ length: 8 }, (_, i) => `https://example.org/${i}`);
    const full = withPackagePages(ranking([rankedEntry(1, 'nats', { sources: eight })]), TEMPLATE);
    expect(full.ranked[0]?.sources).toEqual([...eight.slice(0, 7), 'https://registry.example/package/nats']);
    expect(withPackagePages(full, TEMPLATE).ranked[0]?.sources).toEqual(full.ranked[0]?.sources);
  });
});

describe('REPORT_PACKAGE_PAGE_URL', () => {
  it('is unset by default', () => {
    expect(loadCommunicationsConfig({}).report.REPORT_PACKAGE_PAGE_URL).toBeUndefined();
  });

  it('takes an http(s) template with {name}', () => {
    const config = loadCommunicationsConfig({ REPORT_PACKAGE_PAGE_URL: TEMPLATE });
    expect(config.report.REPORT_PACKAGE_PAGE_URL).toBe(TEMPLATE);
  });

  it.each(['https://registry.example/package/', 'ftp://registry.example/{name}', 'not a url {name}'])(
    'refuses %j',
    (template) => {
      expect(() => loadCommunicationsConfig({ REPORT_PACKAGE_PAGE_URL: template })).toThrow(
        /REPORT_PACKAGE_PAGE_URL/,
      );
    },
  );
});
