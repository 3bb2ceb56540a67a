import { endsProducerOf } from './follow-goal.js';
import type { GoalEvent } from './goal-timeline.js';

const at = new Date(0);
const event = (type: string, body: Record<string, unknown>): GoalEvent => ({
  type,
  time: at,
  body: { type, ...body },
});

describe('endsProducerOf', () => {
  const delivered = event('goal.completed', { taskId: 'g/goal.completed', causationId: 'g/report' });

  it("knows the completion of the task whose handler ended the goal (same cause: the task's message)", () => {
    expect(
      endsProducerOf(delivered, event('task.completed', { taskId: 'g/report', causationId: 'g/report' })),
    ).toBe(true);
  });

  it("ignores other tasks' completions and a failed attempt that will be retried", () => {
    expect(
      endsProducerOf(delivered, event('task.completed', { taskId: 'g/rank', causationId: 'g/rank' })),
    ).toBe(false);
    expect(
      endsProducerOf(
        delivered,
        event('task.failed', { taskId: 'g/report', causationId: 'g/report', willRetry: true }),
      ),
    ).toBe(false);
    expect(
      endsProducerOf(delivered, event('task.claimed', { taskId: 'g/report', causationId: 'g/report' })),
    ).toBe(false);
  });

  it('knows the failure that dead-lettered the task behind a goal.failed', () => {
    const failedGoal = event('goal.failed', { taskId: 'g/rank', causationId: 'g/rank' });
    expect(
      endsProducerOf(
        failedGoal,
        event('task.failed', { taskId: 'g/rank', causationId: 'g/rank', willRetry: false }),
      ),
    ).toBe(true);
  });
});
