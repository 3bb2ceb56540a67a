import { messageIds } from '@swarm/contracts';
import type { GoalEvent } from './goal-timeline.js';
import { judgeGoalEvents, needsEvidence, renderIgnored } from './event-trust.js';
import { summarizeGoal } from './goal-timeline.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const event = (type: string, second: number, body: Record<string, unknown> = {}): GoalEvent => ({
  type,
  time: at(second),
  body: { type, goalId: 'g1', ...body },
});
const delivered = (queue: string) =>
  event('goal.completed', 9, {
    schemaVersion: 1,
    messageId: messageIds.goalCompleted('g1'),
    taskId: 'g1/report',
    causationId: 'g1/report',
    attempt: 1,
    timestamp: at(9).toISOString(),
    queue,
    agent: { kind: queue, instance: `${queue}-1` },
    outcome: 'delivered',
    summary: 'done',
    reportArtifact: 'g1/report.md',
    deliveredTo: ['file'],
  });
const waiting = [
  event('goal.submitted', 0, { goal: { text: 'find tools' } }),
  event('task.claimed', 1, { queue: 'report' }),
  event('approval.requested', 2),
];

describe('judgeGoalEvents', () => {
  it('ignores a "delivered" from search for a goal waiting for approval, which stays waiting', () => {
    const judged = judgeGoalEvents('g1', [...waiting, delivered('search')], { keys: ['approval'], ends: {} });
    expect(judged.honoured.map((e) => e.type)).toEqual([
      'goal.submitted',
      'task.claimed',
      'approval.requested',
    ]);
    expect(summarizeGoal('g1', judged.honoured).state).toBe('awaiting-approval');
    expect(judged.ignored.map(renderIgnored)).toEqual([
      'ignored forged goal.completed from search: search may complete a goal only with "nothing-found", not "delivered" (emitter-not-allowed)',
    ]);
  });

  it("honours communications' completion with its end record, and ends the goal", () => {
    const ends = {
      report: {
        type: 'goal.completed' as const,
        messageId: messageIds.goalCompleted('g1'),
        outcome: 'delivered' as const,
        at: at(9).toISOString(),
      },
    };
    const judged = judgeGoalEvents('g1', [...waiting, delivered('report')], {
      keys: ['approval', 'end.report'],
      ends,
    });
    expect(judged.ignored).toEqual([]);
    expect(summarizeGoal('g1', judged.honoured)).toMatchObject({ state: 'completed', outcome: 'delivered' });
  });

  it('ignores every terminal event when no evidence was read, and events of another goal', () => {
    const other = event('task.claimed', 3, { goalId: 'g2', queue: 'scrape' });
    const judged = judgeGoalEvents('g1', [other, delivered('report')], undefined);
    expect(judged.honoured).toEqual([]);
    expect(judged.ignored.map((i) => i.judgement.code)).toEqual(['subject-goal-mismatch', 'no-end-evidence']);
  });
});

describe('needsEvidence', () => {
  it('asks for the context only when an event ends the goal', () => {
    expect(needsEvidence(waiting)).toBe(false);
    expect(needsEvidence([...waiting, delivered('report')])).toBe(true);
  });
});
