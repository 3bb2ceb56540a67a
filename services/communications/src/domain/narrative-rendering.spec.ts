import type { UsageRecord } from '@swarm/contracts';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import type { ReportNarrative } from './report-narrative.js';
import { ranking, rankedEntry } from './testing/ranking.fixture.js';

const two = ranking([rankedEntry(1, 'jet'), rankedEntry(2, 'nats', { score: 0.79 })]);
const meta = { goalText: 'NATS clients', generatedBy: ['ranker-1', 'comms-2'] };

const narrative: ReportNarrative = {
  summary: 'jet leads with 0.82 [S1]. Both are *JetStream* clients [S1][S3].',
  tools: [
    { candidateId: 'jet', paragraph: 'jet has 412K downloads a month [S1] and <b>work queues</b> [S2].' },
    { candidateId: 'nats', paragraph: 'nats follows with 0.79 [S3].' },
  ],
  sources: [
    {
      id: 'S1',
      candidateId: 'jet',
      url: 'https://registry.example.com/jet',
      facts: ['412K downloads a month'],
    },
    { id: 'S2', candidateId: 'jet', url: 'javascript:alert(1)', facts: ['features: work queues'] },
    { id: 'S3', candidateId: 'nats', url: 'https://docs.example.com/nats?a=1&b=2', facts: ['license MIT'] },
  ],
  writtenBy: { model: 'openai:gpt-4.1-mini', promptVersion: 'communications.write-report@1' },
};

function usage(kind: string, extra: Partial<UsageRecord['usage']> = {}): UsageRecord {
  return {
    agent: { kind, instance: `${kind}-1` },
    queue: kind,
    taskId: `g/${kind}`,
    deliveryCount: 1,
    usage: {
      model: 'openai:gpt-4.1-mini',
      promptVersions: [`${kind}.x@1`],
      calls: 2,
      inputTokens: 1_500,
      outputTokens: 300,
      costUsd: 0.0012,
      ...extra,
    },
  };
}

describe('the report without a narrative or usage (the builtin brains)', () => {
  it('renders exactly as with neither field, with no summary or usage section', () => {
    const markdown = renderMarkdownReport(two, meta);
    expect(renderMarkdownReport(two, { ...meta, usage: [] })).toBe(markdown);
    expect(renderHtmlReport(two, { ...meta, usage: [] })).toBe(renderHtmlReport(two, meta));
    expect(markdown).not.toContain('## Summary');
    expect(markdown).not.toContain('Model usage');
    expect(markdown).toContain('ranked 2025-11-21 09:30 UTC.\n\n## Comparison\n');
  });
});

describe('renderMarkdownReport with a narrative', () => {
  const markdown = renderMarkdownReport(two, { ...meta, narrative });

  it('puts the summary at the top, citations linked to their sources, and says who wrote it', () => {
    expect(markdown).toContain(
      'ranked 2025-11-21 09:30 UTC.\n\n## Summary\n\n' +
        'jet leads with 0.82 [\\[S1\\]](https://registry.example.com/jet). Both are \\*JetStream\\* clients ' +
        '[\\[S1\\]](https://registry.example.com/jet)[\\[S3\\]](https://docs.example.com/nats?a=1&b=2).\n\n' +
        '_Summary and tool paragraphs written by openai:gpt-4.1-mini (prompt communications.write-report@1)',
    );
    expect(markdown.indexOf('## Summary')).toBeLessThan(markdown.indexOf('## Comparison'));
  });

  it('puts each paragraph under its tool heading, escaped, never linking a non-http source', () => {
    expect(markdown).toContain(
      '### 1. jet (0.82)\n\njet has 412K downloads a month [\\[S1\\]](https://registry.example.com/jet) and ' +
        '\\<b>work queues\\</b> \\[S2\\].\n\nRanked #1',
    );
    expect(markdown).toContain('### 2. nats (0.79)\n\nnats follows with 0.79 [\\[S3\\]](');
    expect(markdown).not.toContain('](javascript:');
  });
});

describe('renderHtmlReport with a narrative', () => {
  const evil: ReportNarrative = { ...narrative, summary: 'Fast <script>alert(1)</script> "x" [S3].' };
  const html = renderHtmlReport(two, { ...meta, narrative: evil });

  it('escapes the prose and links citations to their sources with escaped attributes', () => {
    expect(html).toContain(
      '<h2>Summary</h2>\n<p>Fast &lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; ' +
        '<a class="cite" href="https://docs.example.com/nats?a=1&amp;b=2">[S3]</a>.</p>',
    );
    expect(html).not.toContain('<script>');
    expect(html.indexOf('<h2>Summary</h2>')).toBeLessThan(html.indexOf('<h2>Comparison</h2>'));
  });

  it('puts each paragraph in its tool section and never links a non-http source', () => {
    expect(html).toContain(
      '<h3>1. jet (0.82)</h3>\n<p class="narrative">jet has 412K downloads a month ' +
        '<a class="cite" href="https://registry.example.com/jet">[S1]</a> and &lt;b&gt;work queues&lt;/b&gt; [S2].</p>',
    );
    expect(html).not.toContain('href="javascript:');
  });
});

describe('the Model usage section', () => {
  const records = [
    usage('ranker', { fallback: 'invalid-model-output: no valid grades' }),
    usage('communications', { costUsd: 0.00005 }),
  ];

  it('tabulates calls, tokens, cost, models and prompt versions per agent with the total, and every fallback', () => {
    const markdown = renderMarkdownReport(two, { ...meta, usage: records });
    expect(markdown).toContain(
      '## What is missing\n\nEvery candidate page was scraped.\n\n## Model usage\n\n' +
        '| Agent | Calls | Input tokens | Output tokens | Cost (USD) | Models | Prompt versions |\n' +
        '| --- | ---: | ---: | ---: | ---: | --- | --- |\n' +
        '| ranker | 2 | 1500 | 300 | 0.0012 | openai:gpt-4.1-mini | ranker.x@1 |\n' +
        '| communications | 2 | 1500 | 300 | 0.0001 | openai:gpt-4.1-mini | communications.x@1 |\n' +
        '| Total | 4 | 3000 | 600 | 0.0013 | openai:gpt-4.1-mini | ranker.x@1, communications.x@1 |\n\n' +
        'Fallbacks to a builtin brain:\n\n' +
        '- the ranker used its builtin brain: invalid-model-output: no valid grades\n\n---',
    );
  });

  it('renders the same section in HTML, escaped', () => {
    const html = renderHtmlReport(two, { ...meta, usage: [usage('ranker', { fallback: '<b>bad</b>' })] });
    expect(html).toContain('<h2>Model usage</h2>');
    expect(html).toContain('<td>ranker</td><td class="num">2</td><td class="num">1500</td>');
    expect(html).toContain('<td class="num">0.0012</td>');
    expect(html).toContain('<li>the ranker used its builtin brain: &lt;b&gt;bad&lt;/b&gt;</li>');
    expect(html.indexOf('<h2>Model usage</h2>')).toBeLessThan(html.indexOf('<footer>'));
  });

  it('has no fallback list when no agent fell back', () => {
    const markdown = renderMarkdownReport(two, { ...meta, usage: [usage('ranker')] });
    expect(markdown).toContain('## Model usage');
    expect(markdown).not.toContain('Fallbacks to a builtin brain');
  });
});
