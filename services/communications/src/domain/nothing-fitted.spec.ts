import { Ranking } from '@swarm/contracts';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import { summarizeRanking } from './ranking-summary.js';
import { NOTHING_FITTED } from './report-view.js';
import { ranking } from './testing/ranking.fixture.js';

const meta = { goalText: 'parse and format dates across time zones', generatedBy: ['ranker-1'] };
const nothingFitted = {
  ...ranking([]),
  nearMisses: [
    {
      candidateId: 'toon',
      name: '@toon-format/toon',
      url: 'https://example.com/toon',
      reason:
        "meets 20% of the goal's 5 concepts, below the floor of 50% (format in keywords; not parse, dates)",
    },
  ],
};

describe('a report where nothing fitted', () => {
  it('uses a ranking the contract accepts', () => {
    expect(() => Ranking.parse(nothingFitted)).not.toThrow();
  });

  it('says in Markdown that nothing fitted and lists the closest misses with why they missed', () => {
    const markdown = renderMarkdownReport(nothingFitted, meta);
    expect(markdown).toContain(NOTHING_FITTED);
    expect(markdown).toContain(
      "- **[@toon-format/toon](https://example.com/toon)**: meets 20% of the goal's 5 concepts, below the floor",
    );
    expect(markdown).not.toContain('No candidate could be ranked.');
  });

  it('says the same in HTML', () => {
    const html = renderHtmlReport(nothingFitted, meta);
    expect(html).toContain(`<p>${NOTHING_FITTED}</p>`);
    expect(html).toContain('<a href="https://example.com/toon"');
    expect(html).toContain('below the floor of 50% (format in keywords; not parse, dates)');
  });

  it('keeps the old sentence for a ranking with neither entries nor near misses', () => {
    expect(renderMarkdownReport(ranking([]), meta)).toContain('No candidate could be ranked.');
  });

  it('names the closest misses in the one-line summary', () => {
    expect(summarizeRanking({ ...nothingFitted, considered: 4 })).toBe(
      'No candidate ranked of 4 candidates (closest: @toon-format/toon); every page scraped',
    );
  });
});
