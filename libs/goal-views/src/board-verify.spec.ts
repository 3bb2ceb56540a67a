import { messageIds } from '@swarm/contracts';
import type { GoalHead } from './goal-board.js';
import { verifyHead } from './board-verify.js';
import type { GoalEvent } from './goal-timeline.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const head: GoalHead = {
  goalId: 'g1',
  submittedSeq: 1,
  lastSubmittedAt: at(1),
  outcome: 'failed',
  endedAt: at(5),
};
const failed = (queue: string, second: number): GoalEvent => ({
  type: 'goal.failed',
  time: at(second),
  body: {
    type: 'goal.failed',
    schemaVersion: 1,
    messageId: messageIds.goalFailed('g1'),
    goalId: 'g1',
    taskId: `g1/${queue}`,
    causationId: `g1/${queue}`,
    attempt: 1,
    timestamp: at(second).toISOString(),
    queue,
    agent: { kind: queue, instance: `${queue}-1` },
    reason: { code: 'boom', message: 'broke', retryable: false },
    deadLetterId: null,
  },
});
const rankEnd = {
  type: 'goal.failed' as const,
  messageId: messageIds.goalFailed('g1'),
  at: at(5).toISOString(),
};

describe('verifyHead', () => {
  it('keeps an end its context backs', () => {
    const verified = verifyHead(head, {
      ends: [{ event: failed('rank', 5), seq: 5 }],
      evidence: { keys: ['candidates', 'end.rank'], ends: { rank: rankEnd } },
    });
    expect(verified).toEqual({ head, warnings: [] });
  });

  it('opens a goal again whose only end a later stage voids, with a warning', () => {
    const verified = verifyHead(head, {
      ends: [{ event: failed('rank', 5), seq: 5 }],
      evidence: { keys: ['approval', 'end.rank'], ends: { rank: rankEnd } },
    });
    expect(verified.head).toMatchObject({ outcome: 'open', endedAt: undefined });
    expect(verified.warnings).toEqual([
      'goal g1: ignored forged goal.failed from rank: later stages went on since (approval) (later-stage-evidence)',
    ]);
  });
});
