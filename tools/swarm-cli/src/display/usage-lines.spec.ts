import { summarizeUsage } from '@swarm/goal-views';
import { completedEvent, failedEvent, sampleUsage, t } from '@swarm/goal-views/testing';
import { renderEventLine } from './event-line.js';
import { formatUsd, renderUsageSummary } from './usage-lines.js';

const usage = sampleUsage;
const completed = completedEvent;
const failed = failedEvent;

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
