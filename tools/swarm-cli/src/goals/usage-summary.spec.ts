import type { ModelUsage } from '@swarm/contracts';
import { renderEventLine } from '../display/event-line.js';
import { formatUsd, renderUsageSummary } from '../display/usage-lines.js';
import type { GoalEvent } from './goal-timeline.js';
import { summarizeUsage } from './usage-summary.js';

const t = (s: number) => new Date(Date.UTC(2026, 10, 21, 0, 0, s));
const usage = (over: Partial<ModelUsage> = {}): ModelUsage => ({
  model: 'openai-compatible:llama3.1',
  promptVersions: ['ranker.grade-relevance@1'],
  calls: 2,
  inputTokens: 1_234,
  outputTokens: 210,
  costUsd: 0.0012,
  ...over,
});
const completed = (kind: string, taskId: string, u?: ModelUsage): GoalEvent => ({
  type: 'task.completed',
  time: t(3),
  body: {
    messageId: `${taskId}/completed`,
    taskId,
    durationMs: 812,
    emitted: ['g/report'],
    agent: { kind, instance: `${kind}-1` },
    ...(u ? { usage: u } : {}),
  },
});
const failed = (kind: string, taskId: string, delivery: number, u?: ModelUsage): GoalEvent => ({
  type: 'task.failed',
  time: t(2),
  body: {
    messageId: `${taskId}/failed/${delivery}`,
    taskId,
    deliveryCount: delivery,
    willRetry: true,
    retryInMs: 200,
    deadLetterId: null,
    error: { code: 'model-timeout', message: 'slow' },
    agent: { kind, instance: `${kind}-1` },
    ...(u ? { usage: u } : {}),
  },
});

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

describe('usage on the live lines', () => {
  it('shows the model, calls, tokens and cost after a completed task', () => {
    expect(renderEventLine(completed('ranker', 'g/rank', usage()), t(0))).toBe(
      '   +3.00s  ranker@ranker-1 completed g/rank in 812ms, handed off 1 · model openai-compatible:llama3.1 · 2 calls · 1,234 in / 210 out tokens · $0.0012',
    );
  });

  it('says when the agent fell back to its builtin brain, and shows usage on a failed attempt', () => {
    expect(
      renderEventLine(completed('ranker', 'g/rank', usage({ fallback: 'output stayed invalid' })), t(0)),
    ).toMatch(/ · \$0\.0012 \(fell back to builtin: output stayed invalid\)$/);
    expect(renderEventLine(failed('ranker', 'g/rank', 1, usage({ calls: 1 })), t(0))).toMatch(
      /retry in 200ms · model openai-compatible:llama3\.1 · 1 call · /,
    );
  });

  it('leaves a builtin task line as it was', () => {
    expect(renderEventLine(completed('ranker', 'g/rank'), t(0))).toBe(
      '   +3.00s  ranker@ranker-1 completed g/rank in 812ms, handed off 1',
    );
  });

  it('formats dollars: nothing priced, fractions of a cent, dollars', () => {
    expect([0, 0.00001, 0.0012, 0.5, 12.345].map(formatUsd)).toEqual([
      '$0',
      '<$0.0001',
      '$0.0012',
      '$0.5000',
      '$12.35',
    ]);
  });
});

describe('renderUsageSummary', () => {
  it('prints a line per agent and the total', () => {
    const summary = summarizeUsage([
      completed('ranker', 'g/rank', usage()),
      completed('communications', 'g/report', usage({ fallback: 'x', calls: 1 })),
    ]);
    expect(renderUsageSummary(summary!)).toEqual([
      'usage     ranker          openai-compatible:llama3.1 · 1 attempt · 2 calls · 1,234 in / 210 out tokens · $0.0012',
      '          communications  openai-compatible:llama3.1 · 1 attempt · 1 call · 1,234 in / 210 out tokens · $0.0012 · 1 fell back to builtin',
      '          total           2 attempts · 3 calls · 2,468 in / 420 out tokens · $0.0024 · 1 fell back to builtin',
    ]);
  });
});
