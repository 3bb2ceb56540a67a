import type { GoalFeedEvent } from '../api/gateway-operations.js';
import type { GoalProgress } from './goal-progress.js';
import { advanceProgress } from './goal-progress.js';

const event = (type: string, body: Record<string, unknown> = {}, terminal = false): GoalFeedEvent => ({
  seq: 1,
  type,
  body,
  terminal,
});
const at = (phase: GoalProgress['phase']): GoalProgress => ({
  phase,
  outcome: undefined,
  summary: undefined,
});

describe('advanceProgress', () => {
  it('moves a submitted goal to running on its first task event', () => {
    expect(advanceProgress(at('submitted'), event('task.claimed')).phase).toBe('running');
  });

  it('waits for approval from the request until the decision, whatever task events come between', () => {
    const waiting = advanceProgress(at('running'), event('approval.requested'));
    expect(waiting.phase).toBe('awaiting-approval');
    expect(advanceProgress(waiting, event('task.completed')).phase).toBe('awaiting-approval');
    expect(advanceProgress(waiting, event('approval.granted')).phase).toBe('running');
  });

  it('waits for budget from a pause until a human adds to it, and not for a degrade', () => {
    const paused = advanceProgress(at('running'), event('budget.exhausted', { policy: 'pause' }));
    expect(paused.phase).toBe('awaiting-budget');
    expect(advanceProgress(paused, event('task.failed')).phase).toBe('awaiting-budget');
    expect(advanceProgress(paused, event('budget.added')).phase).toBe('running');
    expect(advanceProgress(at('running'), event('budget.exhausted', { policy: 'degrade' })).phase).toBe(
      'running',
    );
  });

  it('ends on a trusted goal.completed with its outcome and summary', () => {
    const ended = advanceProgress(
      at('running'),
      event('goal.completed', { outcome: 'rejected', summary: 'not approved' }, true),
    );
    expect(ended).toEqual({ phase: 'completed', outcome: 'rejected', summary: 'not approved' });
  });

  it('ignores a goal.completed the feed does not trust', () => {
    expect(advanceProgress(at('running'), event('goal.completed', { outcome: 'delivered' })).phase).toBe(
      'running',
    );
  });

  it('fails on a trusted goal.failed with the reason as summary', () => {
    const failed = advanceProgress(
      at('running'),
      event('goal.failed', { reason: { message: 'boom' } }, true),
    );
    expect(failed).toEqual({ phase: 'failed', outcome: 'failed', summary: 'boom' });
  });

  it('keeps an ended goal ended', () => {
    const ended: GoalProgress = { phase: 'completed', outcome: 'delivered', summary: undefined };
    expect(advanceProgress(ended, event('task.claimed'))).toBe(ended);
  });
});
