import type { GoalEvent } from './goal-timeline.js';
import { completedEvent, failedEvent, sampleUsage, t } from './testing/index.js';
import { summarizeUsage } from './usage-summary.js';

const usage = sampleUsage;
const completed = completedEvent;
const failed = failedEvent;

describe('summarizeUsage', () => {
  it('is undefined when no agent called a model (the builtin brains)', () => {
    expect(
      summarizeUsage([completed('ranker', 'g/rank'), failed('scraper', 'g/scrape/0', 1)]),
    ).toBeUndefined();
  });

  it('adds up completed and failed attempts per agent and overall', () => {
    const summary = summarizeUsage([
      { type: 'goal.submitted', time: t(0), body: { goal: { text: 'x' } } },
      failed('ranker', 'g/rank', 1, usage({ calls: 1, inputTokens: 1_000, outputTokens: 0, costUsd: 0.001 })),
      completed('ranker', 'g/rank', usage()),
      completed('scraper', 'g/scrape/0', usage({ model: 'openai:gpt-4.1-mini', fallback: 'invalid output' })),
      completed('search', 'g/search'),
    ]);
    expect(summary?.byAgent).toEqual([
      {
        agent: 'ranker',
        attempts: 2,
        calls: 3,
        inputTokens: 2_234,
        outputTokens: 210,
        costUsd: 0.0022,
        models: ['openai-compatible:llama3.1'],
        fallbacks: 0,
      },
      expect.objectContaining({
        agent: 'scraper',
        attempts: 1,
        models: ['openai:gpt-4.1-mini'],
        fallbacks: 1,
      }),
    ]);
    expect(summary?.total).toEqual({
      attempts: 3,
      calls: 5,
      inputTokens: 3_468,
      outputTokens: 420,
      costUsd: 0.0034,
      models: ['openai-compatible:llama3.1', 'openai:gpt-4.1-mini'],
      fallbacks: 1,
    });
  });

  it('counts each attempt once when its event is read twice, and every delivery of a task', () => {
    const summary = summarizeUsage([
      failed('ranker', 'g/rank', 1, usage()),
      failed('ranker', 'g/rank', 1, usage()),
      failed('ranker', 'g/rank', 2, usage()),
      completed('ranker', 'g/rank', usage()),
      completed('ranker', 'g/rank', usage()),
    ]);
    expect(summary?.total).toMatchObject({ attempts: 3, calls: 6, inputTokens: 3_702 });
  });

  it('skips usage that does not match the contract', () => {
    const broken = completed('ranker', 'g/rank');
    const bad: GoalEvent = { ...broken, body: { ...broken.body, usage: { model: 'x', calls: -1 } } };
    expect(summarizeUsage([bad])).toBeUndefined();
  });
});
