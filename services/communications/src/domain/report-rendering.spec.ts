import { Ranking } from '@swarm/contracts';
import { renderHtmlReport, REPORT_CSP } from './html-report.js';
import { escapeMarkdown, renderMarkdownReport } from './markdown-report.js';
import { summarizeRanking } from './ranking-summary.js';
import { formatCount } from './report-view.js';
import { ranking, rankedEntry } from './testing/ranking.fixture.js';

const meta = {
  goalText: 'TypeScript clients for NATS JetStream work queues',
  generatedBy: ['ranker-1', 'comms-2'],
};
const missingOne = {
  missing: [
    { candidateId: 'nats', name: 'nats', url: 'https://example.com/nats', reason: 'HTTP 404 | gone' },
  ],
};

describe('renderMarkdownReport', () => {
  const two = ranking([rankedEntry(1, '@nats-io/jetstream'), rankedEntry(2, 'nats', { score: 0.79 })]);

  it('uses a ranking fixture the contract accepts', () => {
    expect(() => Ranking.parse(two)).not.toThrow();
  });

  it('starts with the title and the goal, then the comparison table with every column', () => {
    const markdown = renderMarkdownReport(two, meta);
    expect(markdown.startsWith('# Swarm report: TypeScript clients for NATS JetStream work queues\n')).toBe(
      true,
    );
    expect(markdown).toContain('**Goal:** TypeScript clients for NATS JetStream work queues');
    expect(markdown).toContain(
      '| # | Name | Score | Relevance | Adoption | Freshness | Coverage | License | Monthly downloads | License name |',
    );
    expect(markdown).toContain(
      '| 1 | @nats-io/jetstream | 0.82 | 0.95 | 0.65 | 0.82 | 0.75 | 1.00 | 412K | Apache-2.0 |',
    );
  });

  it('gives each tool a section with its rationale, component rationales, features and source links', () => {
    const markdown = renderMarkdownReport(two, meta);
    expect(markdown).toContain('### 2. nats (0.79)');
    expect(markdown).toContain('- **Adoption** 0.65 (weight 0.20): 412K downloads a month');
    expect(markdown).toContain('**Features:** work queues, key-value');
    expect(markdown).toContain('- [https://docs.example.com/nats](https://docs.example.com/nats)');
  });

  it('escapes table pipes and markup in names', () => {
    const markdown = renderMarkdownReport(ranking([rankedEntry(1, 'a|b <i>x</i>')]), meta);
    const row = markdown.split('\n').find((line) => line.startsWith('| 1 |'))!;
    expect(row).toContain('a\\|b \\<i>x\\</i>');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(12);
  });

  it('lists missing pages with their reasons, or says every page was scraped', () => {
    expect(renderMarkdownReport(two, meta)).toContain(
      '## What is missing\n\nEvery candidate page was scraped.',
    );
    const withMissing = renderMarkdownReport(ranking([rankedEntry(1, 'a')], missingOne), meta);
    expect(withMissing).toContain('- **[nats](https://example.com/nats)**: HTTP 404 \\| gone');
    expect(withMissing).not.toContain('Every candidate page was scraped.');
  });

  it('marks a tool ranked on metadata alone and reports the approval and how the report was made', () => {
    const unscraped = ranking([rankedEntry(1, 'a', { scraped: false })]);
    const markdown = renderMarkdownReport(unscraped, {
      ...meta,
      approval: { outcome: 'granted', by: 'alice@example.com', comment: 'ship it' },
    });
    expect(markdown).toContain('Its page was not scraped');
    expect(markdown).toContain('**Approval:** Approved by alice@example.com: "ship it".');
    expect(markdown).toContain('ranker-1, comms-2');
    expect(markdown).toContain('relevance 0.40, adoption 0.20');
  });

  it('never links a non-http URL', () => {
    const markdown = renderMarkdownReport(
      ranking([rankedEntry(1, 'a', { sources: ['javascript:alert(1)'] })]),
      meta,
    );
    expect(markdown).not.toContain('](javascript:');
  });
});

describe('renderHtmlReport', () => {
  const evil = '<script>alert(1)</script>';
  const html = renderHtmlReport(
    ranking([rankedEntry(1, evil, { sources: ['javascript:alert(1)', 'https://example.com/?a=1&b="2"'] })], {
      missing: [{ candidateId: 'x', name: evil, url: 'https://example.com/x', reason: evil }],
    }),
    { ...meta, goalText: `find ${evil}` },
  );

  it('is a standalone HTML5 document with inline CSS', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('declares a policy that loads nothing, before anything of the goal or the pages appears', () => {
    const head = html.slice(0, html.indexOf('<title>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(REPORT_CSP).not.toMatch(/script-src|unsafe-eval|https?:/);
  });

  it('escapes every value, so a candidate named <script> stays text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Swarm report: find &lt;script&gt;');
  });

  it('links only http(s) URLs and escapes their attributes', () => {
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=%222%22">');
  });

  it('carries the table, the sections, the missing list and the footer', () => {
    expect(html).toContain('<th scope="col" class="num">Monthly downloads</th>');
    expect(html).toContain('<h2>What is missing</h2>');
    expect(html).toContain('<footer>');
  });
});

describe('summarizeRanking', () => {
  it('names the first three with their scores and counts missing pages', () => {
    const entries = ['a', 'b', 'c', 'd', 'e'].map((name, i) =>
      rankedEntry(i + 1, name, { score: 0.8 - i / 100 }),
    );
    expect(summarizeRanking(ranking(entries, missingOne))).toBe(
      'Top 5 of 10 candidates: a (0.80), b (0.79), c (0.78), …; 1 page missing',
    );
  });

  it('says so when nothing was ranked and every page was scraped', () => {
    expect(summarizeRanking(ranking([], { considered: 0 }))).toBe(
      'No candidate ranked of 0 candidates; every page scraped',
    );
  });
});

describe('escapeMarkdown and formatCount', () => {
  it('collapses line breaks so a value cannot break out of its line', () => {
    expect(escapeMarkdown('a\n# b')).toBe('a # b');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
  });

  it('keeps significant zeros', () => {
    expect([950, 100_000, 1_250_000, 12_500_000, 2_000].map(formatCount)).toEqual([
      '950',
      '100K',
      '1.25M',
      '12.5M',
      '2K',
    ]);
  });
});
