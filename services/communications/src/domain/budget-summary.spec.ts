import type { UsageRecord } from '@swarm/contracts';
import { BudgetRecord } from '@swarm/contracts';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import { summarizeBudget } from './budget-summary.js';
import { ranking, rankedEntry } from './testing/ranking.fixture.js';

const at = '2026-01-01T00:00:00.000Z';
const record = BudgetRecord.parse({
  limits: { costUsd: 0.75, modelCalls: 20 },
  deadlineAt: Date.parse(at) + 600_000,
  onExhausted: 'degrade',
  spent: { costUsd: 0.5, tokens: 12_000, modelCalls: 12 },
  reservations: {},
  additions: [{ by: 'alice', at, add: { costUsd: 0.25 }, resumed: ['dlq/TASKS_RANK/3'] }],
  exhausted: { at, reason: 'costUsd budget 0.5 cannot cover the next call', shortfall: 'costUsd' },
});
const degraded: UsageRecord = {
  agent: { kind: 'ranker', instance: 'ranker-1' },
  queue: 'rank',
  taskId: 'g/rank',
  deliveryCount: 1,
  usage: {
    model: 'openai-compatible:m',
    promptVersions: [],
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    fallback: 'budget-exhausted: costUsd budget 0.5 cannot cover the next call',
  },
};

describe('summarizeBudget', () => {
  it('shows limits, spent and left per quantity, the policy, why it ran out, the degrade and every addition', () => {
    const summary = summarizeBudget(record, [degraded])!;
    expect(summary.rows).toEqual([
      ['Cost (USD)', '$0.7500', '$0.5000', '$0.2500'],
      ['Tokens', 'no limit', '12000', '-'],
      ['Model calls', '20', '12', '8'],
    ]);
    expect(summary.notes).toEqual([
      'When exhausted: degrade (finish with the builtin brains).',
      'Deadline: 2026-01-01T00:10:00.000Z.',
      `The budget ran out at ${at}: costUsd budget 0.5 cannot cover the next call.`,
      'Degraded: 1 agent attempt answered with the builtin brain because the budget ran out.',
      `Added cost +0.25 by alice at ${at}, resuming 1 parked task.`,
    ]);
  });

  it('leaves the section out for a goal without a budget, or one that limits nothing and saw nothing', () => {
    expect(summarizeBudget(undefined, [])).toBeUndefined();
    const free = { ...record, limits: {}, additions: [], exhausted: undefined };
    delete (free as { deadlineAt?: number }).deadlineAt;
    expect(summarizeBudget(free, [])).toBeUndefined();
  });
});

describe('the report budget section', () => {
  const one = ranking([rankedEntry(1, '@nats-io/jetstream')]);
  const meta = { goalText: 'nats clients', generatedBy: ['comms-1'], budget: record };

  it('is a table and notes in Markdown', () => {
    const markdown = renderMarkdownReport(one, meta);
    expect(markdown).toContain('## Budget\n\n| Quantity | Limit | Spent | Left |');
    expect(markdown).toContain('| Cost (USD) | $0.7500 | $0.5000 | $0.2500 |');
    expect(markdown).toContain('- When exhausted: degrade (finish with the builtin brains).');
  });

  it('is a table and a list in HTML, and absent without a budget', () => {
    const html = renderHtmlReport(one, meta);
    expect(html).toContain('<h2>Budget</h2>');
    expect(html).toContain('<td>Model calls</td><td class="num">20</td>');
    expect(renderHtmlReport(one, { goalText: 'x', generatedBy: [] })).not.toContain('<h2>Budget</h2>');
  });
});
