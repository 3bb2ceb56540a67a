import { inputOfMessage } from '@swarm/models';
import { ranking, rankedEntry } from '../domain/testing/ranking.fixture.js';
import { WRITE_REPORT_PROMPT, WRITE_REPORT_VERSION } from './prompts/write-report.prompt.js';
import { SOURCE_LIMITS, toolSources, writeReportInput } from './write-report-input.js';

const jet = rankedEntry(1, 'jet', {
  candidate: { homepage: 'https://jet.example.com', monthlyDownloads: 1_600_000 },
  sources: ['https://docs.example.com/jet', 'https://jet.example.com', 'https://github.com/o/jet'],
  claims: [{ claim: 'Pulls from work queues', quote: 'pull consumers' }],
});

describe('toolSources', () => {
  it('gives the package page the registry facts, the scraped page its features and claims, then the links', () => {
    expect(toolSources(jet, 4)).toEqual([
      {
        id: 'S4',
        candidateId: 'jet',
        url: 'https://registry.example.com/package/jet',
        facts: [
          'registry summary: jet: a JetStream client',
          'version 3.2.0',
          'published 2025-10-02',
          '1.6M downloads a month',
          'license Apache-2.0',
          'keywords: nats',
        ],
      },
      {
        id: 'S5',
        candidateId: 'jet',
        url: 'https://docs.example.com/jet',
        facts: [
          'features on the page: work queues, key-value',
          'claim: Pulls from work queues (the page says: "pull consumers")',
        ],
      },
      { id: 'S6', candidateId: 'jet', url: 'https://jet.example.com', facts: ['homepage of jet'] },
      { id: 'S7', candidateId: 'jet', url: 'https://github.com/o/jet', facts: ['source repository of jet'] },
    ]);
  });

  it('merges the facts of one URL and gives an unscraped page no page facts', () => {
    const unscraped = rankedEntry(1, 'x', {
      scraped: false,
      sources: ['https://registry.example.com/package/x'],
    });
    const sources = toolSources(unscraped, 1);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.facts).not.toContain('features on the page: work queues, key-value');
    const same = rankedEntry(1, 'y', { sources: ['https://registry.example.com/package/y'] });
    expect(toolSources(same, 1)[0]!.facts.at(-1)).toBe('features on the page: work queues, key-value');
  });

  it('cuts long facts at the documented limit', () => {
    const long = rankedEntry(1, 'z', { candidate: { summary: 'word '.repeat(200) } });
    expect(toolSources(long, 1)[0]!.facts[0]!.length).toBe(SOURCE_LIMITS.factChars);
  });
});

describe('writeReportInput', () => {
  const input = writeReportInput(
    ranking([jet, rankedEntry(2, 'nats', { score: 0.7949 })], {
      missing: [{ candidateId: 'm', name: 'm', url: 'https://m.example.com', reason: 'HTTP 404' }],
    }),
    'NATS clients',
  );

  it('lists the tools in rank order with numbers formatted as the report prints them', () => {
    expect(input.goal).toBe('NATS clients');
    expect(input.ranking).toEqual({ considered: 10, ranked: 2, missing: 1 });
    expect(input.tools[1]).toMatchObject({
      candidateId: 'nats',
      rank: 2,
      score: '0.79',
      monthlyDownloads: '412K',
      components: { adoption: { score: '0.65', weight: '0.20' } },
      sources: ['S5', 'S6'],
    });
    expect(input.tools[0]!.sources).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(input.sources.map((source) => source.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
  });

  it('renders a prompt whose JSON input a scripted server can read back', () => {
    const message = WRITE_REPORT_PROMPT.render(input);
    expect(inputOfMessage(message)).toEqual(input);
    expect(WRITE_REPORT_PROMPT.system).toContain(WRITE_REPORT_VERSION);
  });
});
