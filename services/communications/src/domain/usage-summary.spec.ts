import type { UsageRecord } from '@swarm/contracts';
import { fallbackLine, summarizeUsage, usageCells, withAttemptUsage } from './usage-summary.js';

function record(kind: string, taskId: string, usage: Partial<UsageRecord['usage']> = {}): UsageRecord {
  return {
    agent: { kind, instance: `${kind}-1` },
    queue: kind,
    taskId,
    deliveryCount: 1,
    usage: {
      model: 'openai:gpt-4.1-mini',
      promptVersions: [`${kind}.task@1`],
      calls: 1,
      inputTokens: 1_000,
      outputTokens: 200,
      costUsd: 0.00061,
      ...usage,
    },
  };
}

describe('summarizeUsage', () => {
  it('is undefined when no agent called a model', () => {
    expect(summarizeUsage([])).toBeUndefined();
  });

  it('adds up every attempt per agent, in pipeline order, with the total', () => {
    const summary = summarizeUsage([
      record('ranker', 'g/rank', { calls: 2, promptVersions: ['ranker.grade-relevance@1'] }),
      record('scraper', 'g/scrape/1'),
      record('scraper', 'g/scrape/0', { model: 'anthropic:claude', costUsd: 0.00139 }),
      record('communications', 'g/report', { calls: 1, inputTokens: 3_000, outputTokens: 800 }),
    ])!;
    expect(summary.rows.map((row) => row.agent)).toEqual(['scraper', 'ranker', 'communications']);
    expect(summary.rows[0]).toEqual({
      agent: 'scraper',
      calls: 2,
      inputTokens: 2_000,
      outputTokens: 400,
      costUsd: 0.002,
      models: ['openai:gpt-4.1-mini', 'anthropic:claude'],
      promptVersions: ['scraper.task@1'],
    });
    expect(summary.total).toMatchObject({
      agent: 'Total',
      calls: 5,
      inputTokens: 6_000,
      outputTokens: 1_400,
    });
    expect(summary.total.costUsd).toBeCloseTo(0.00322, 9);
    expect(summary.fallbacks).toEqual([]);
  });

  it('puts agent kinds it does not know after the pipeline, by name', () => {
    const summary = summarizeUsage([record('zeta', 'z'), record('alpha', 'a'), record('search', 's')])!;
    expect(summary.rows.map((row) => row.agent)).toEqual(['search', 'alpha', 'zeta']);
  });

  it('lists every fallback with its agent and reason', () => {
    const reason = 'invalid-model-output: openai:gpt-4.1-mini gave no valid output';
    const summary = summarizeUsage([
      record('ranker', 'g/rank', { calls: 3 }),
      record('ranker', 'g/rank', { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, fallback: reason }),
    ])!;
    expect(summary.fallbacks).toEqual([{ agent: 'ranker', taskId: 'g/rank', reason }]);
    expect(fallbackLine(summary.fallbacks[0]!)).toBe(`the ranker used its builtin brain: ${reason}`);
  });
});

describe('usageCells', () => {
  it('prints counts whole, the cost with 4 decimals and the models and prompt versions', () => {
    const summary = summarizeUsage([record('ranker', 'g/rank', { costUsd: 0.01234567 })])!;
    expect(usageCells(summary.rows[0]!)).toEqual([
      'ranker',
      '1',
      '1000',
      '200',
      '0.0123',
      'openai:gpt-4.1-mini',
      'ranker.task@1',
    ]);
  });
});

describe('withAttemptUsage', () => {
  const attempt = { agent: { kind: 'communications', instance: 'c-1' }, queue: 'report', taskId: 'g/report' };
  const own = record('communications', 'g/report').usage;

  it("adds the running attempt's usage as its own record", () => {
    const stored = [record('ranker', 'g/rank')];
    expect(withAttemptUsage(stored, { ...attempt, deliveryCount: 2 }, own)).toEqual([
      ...stored,
      { ...attempt, deliveryCount: 2, usage: own },
    ]);
  });

  it('adds nothing when the attempt made no call or is already stored', () => {
    const stored = [record('ranker', 'g/rank'), { ...attempt, deliveryCount: 1, usage: own }];
    expect(withAttemptUsage(stored, { ...attempt, deliveryCount: 1 }, own)).toEqual(stored);
    expect(withAttemptUsage(stored.slice(0, 1), { ...attempt, deliveryCount: 1 }, undefined)).toEqual(
      stored.slice(0, 1),
    );
  });
});
