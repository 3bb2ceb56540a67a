import type { GoalEvent } from '@swarm/goal-views';
import { renderGoalEnd } from './goal-end.js';

const start = new Date('2026-11-21T06:14:18.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const completed = (body: Record<string, unknown>): GoalEvent => ({
  type: 'goal.completed',
  time: at(1_260),
  body: { type: 'goal.completed', ...body },
});
const options = { start, reportsBucket: 'swarm-reports' };

describe('renderGoalEnd', () => {
  it('ends a delivered goal with its summary and both report artifacts, Markdown and HTML', () => {
    const final = completed({
      outcome: 'delivered',
      summary: 'Top 5 of 10 candidates',
      reportArtifact: 'g-1/report.md',
    });
    expect(renderGoalEnd('g-1', final, options)).toEqual([
      'goal g-1 delivered in 1.26s: Top 5 of 10 candidates',
      'reports: g-1/report.md (Markdown) and g-1/report.html (HTML) in object store swarm-reports',
    ]);
  });

  it('names only the Markdown preview of a goal that was not delivered', () => {
    const final = completed({
      outcome: 'rejected',
      summary: 'not delivered: rejected by ana',
      reportArtifact: 'g-2/report.preview.md',
    });
    expect(renderGoalEnd('g-2', final, options)).toEqual([
      'goal g-2 rejected in 1.26s: not delivered: rejected by ana',
      'report preview, not delivered: g-2/report.preview.md (Markdown) in object store swarm-reports',
    ]);
  });

  it('names no report when there is none, and keeps the summary on one line', () => {
    const final = completed({
      outcome: 'nothing-found',
      summary: 'no candidates\nfor "x"',
      reportArtifact: null,
    });
    expect(renderGoalEnd('g-3', final, { reportsBucket: 'b' })).toEqual([
      'goal g-3 nothing-found: no candidates for "x"',
    ]);
  });

  it('ends a failed goal with the reason', () => {
    const final: GoalEvent = {
      type: 'goal.failed',
      time: at(500),
      body: { type: 'goal.failed', reason: { code: 'invalid-weights', message: 'all zero' } },
    };
    expect(renderGoalEnd('g-4', final, options)).toEqual([
      'goal g-4 FAILED in 0.50s (invalid-weights): all zero',
    ]);
  });
});
