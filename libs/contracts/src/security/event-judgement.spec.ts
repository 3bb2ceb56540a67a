import type { GoalEndRecord } from '../artifacts.js';
import { messageIds } from '../ids.js';
import { SCHEMA_VERSION } from '../version.js';
import type { GoalEvidence } from './event-judgement.js';
import { judgeEvent, judgeTerminalEvent } from './event-judgement.js';

const AT = '2026-01-02T03:04:05.000Z';

const envelope = (goalId: string, messageId: string) => ({
  schemaVersion: SCHEMA_VERSION,
  messageId,
  goalId,
  taskId: `${goalId}/task`,
  causationId: `${goalId}/cause`,
  attempt: 1,
  timestamp: AT,
});

const completed = (queue: string, outcome: string, goalId = 'g1') => ({
  type: 'goal.completed',
  ...envelope(goalId, messageIds.goalCompleted(goalId)),
  queue,
  agent: { kind: queue, instance: `${queue}-1` },
  outcome,
  summary: 'done',
  reportArtifact: null,
  deliveredTo: [],
});

const failed = (queue: string, goalId = 'g1') => ({
  type: 'goal.failed',
  ...envelope(goalId, messageIds.goalFailed(goalId)),
  queue,
  agent: { kind: queue, instance: `${queue}-1` },
  reason: { code: 'boom', message: 'it broke', retryable: false },
  deadLetterId: 'dlq/TASKS_RANK/3',
});

const end = (type: GoalEndRecord['type'], outcome?: GoalEndRecord['outcome'], goalId = 'g1') => ({
  type,
  messageId: type === 'goal.completed' ? messageIds.goalCompleted(goalId) : messageIds.goalFailed(goalId),
  ...(outcome ? { outcome } : {}),
  at: AT,
});

const evidence = (keys: string[], ends: GoalEvidence['ends'] = {}): GoalEvidence => ({ keys, ends });

/** The keys a goal waiting for approval has: it got through search, scrape and rank. */
const AWAITING_APPROVAL = ['spec', 'candidates', 'scrape.0', 'scrape.1', 'approval'];

describe('judgeEvent', () => {
  it('ignores an event whose subject names another goal than its payload', () => {
    expect(judgeEvent('g2', completed('report', 'delivered', 'g1'))).toMatchObject({
      honoured: false,
      code: 'subject-goal-mismatch',
    });
  });

  it('ignores an event type its claimed sender may not emit', () => {
    expect(judgeEvent('g1', completed('rank', 'delivered'))).toMatchObject({
      honoured: false,
      code: 'emitter-not-allowed',
      claimedBy: 'rank',
    });
    expect(judgeEvent('g1', { type: 'task.claimed', goalId: 'g1', queue: 'operator' })).toMatchObject({
      code: 'emitter-not-allowed',
    });
  });

  it('ignores a task or terminal event that names no sender, and a type outside the contract', () => {
    expect(judgeEvent('g1', { type: 'task.completed', goalId: 'g1' })).toMatchObject({ code: 'malformed' });
    expect(judgeEvent('g1', { type: 'goal.exploded', goalId: 'g1' })).toMatchObject({ code: 'malformed' });
  });

  it('honours events with one possible sender, and a task event from an agent queue', () => {
    expect(judgeEvent('g1', { type: 'goal.submitted', goalId: 'g1' })).toEqual({ honoured: true });
    expect(judgeEvent('g1', { type: 'approval.requested', goalId: 'g1' })).toEqual({ honoured: true });
    expect(judgeEvent('g1', { type: 'task.claimed', goalId: 'g1', queue: 'scrape' })).toEqual({
      honoured: true,
    });
  });
});

describe('judgeTerminalEvent', () => {
  it("honours communications' completion backed by its end.report key", () => {
    const keys = [...AWAITING_APPROVAL, 'effect.report.deliver.file', 'end.report'];
    expect(
      judgeTerminalEvent(
        'g1',
        completed('report', 'delivered'),
        evidence(keys, { report: end('goal.completed', 'delivered') }),
      ),
    ).toEqual({ honoured: true });
  });

  it('ignores a completion from search for a goal waiting for approval, even with its own end key', () => {
    const forged = completed('search', 'nothing-found');
    expect(judgeTerminalEvent('g1', forged, evidence(AWAITING_APPROVAL))).toMatchObject({
      code: 'no-end-evidence',
      claimedBy: 'search',
    });
    const judged = judgeTerminalEvent(
      'g1',
      forged,
      evidence([...AWAITING_APPROVAL, 'end.search'], { search: end('goal.completed', 'nothing-found') }),
    );
    expect(judged).toMatchObject({ honoured: false, code: 'later-stage-evidence' });
    expect(judged.honoured ? '' : judged.reason).toContain('approval');
  });

  it('ignores a "delivered" from search whatever the evidence', () => {
    expect(judgeTerminalEvent('g1', completed('search', 'delivered'), evidence(['spec'], {}))).toMatchObject({
      code: 'emitter-not-allowed',
    });
  });

  it("honours search's nothing-found while no later stage wrote anything", () => {
    expect(
      judgeTerminalEvent(
        'g1',
        completed('search', 'nothing-found'),
        evidence(['spec', 'end.search'], { search: end('goal.completed', 'nothing-found') }),
      ),
    ).toEqual({ honoured: true });
  });

  it("honours communications' nothing-found when the ranking it reports is empty or unknown to the reader", () => {
    const keys = [...AWAITING_APPROVAL, 'effect.report.deliver.file', 'end.report'];
    const ends = { report: end('goal.completed', 'nothing-found') };
    const claim = completed('report', 'nothing-found');
    expect(judgeTerminalEvent('g1', claim, { ...evidence(keys, ends), rankedCount: 0 })).toEqual({
      honoured: true,
    });
    expect(judgeTerminalEvent('g1', claim, evidence(keys, ends))).toEqual({ honoured: true });
  });

  it("ignores communications' nothing-found when the ranking holds entries", () => {
    const keys = [...AWAITING_APPROVAL, 'effect.report.deliver.file', 'end.report'];
    const judged = judgeTerminalEvent('g1', completed('report', 'nothing-found'), {
      ...evidence(keys, { report: end('goal.completed', 'nothing-found') }),
      rankedCount: 3,
    });
    expect(judged).toMatchObject({ honoured: false, code: 'ranking-not-empty', claimedBy: 'report' });
  });

  it('ignores a completion claimed for communications that only another role could have written', () => {
    expect(
      judgeTerminalEvent('g1', completed('report', 'delivered'), evidence(AWAITING_APPROVAL)),
    ).toMatchObject({ code: 'no-end-evidence' });
  });

  it('ignores a terminal event the end key does not hold (other type, id or outcome)', () => {
    const ends = { report: end('goal.completed', 'rejected') };
    expect(
      judgeTerminalEvent('g1', completed('report', 'delivered'), evidence(AWAITING_APPROVAL, ends)),
    ).toMatchObject({ code: 'end-evidence-mismatch' });
    expect(judgeTerminalEvent('g1', failed('report'), evidence(AWAITING_APPROVAL, ends))).toMatchObject({
      code: 'end-evidence-mismatch',
    });
  });

  it("honours the ranker's failure until communications writes its keys", () => {
    const keys = ['spec', 'candidates', 'scrape.0', 'end.rank'];
    const ends = { rank: end('goal.failed') };
    expect(judgeTerminalEvent('g1', failed('rank'), evidence(keys, ends))).toEqual({ honoured: true });
    expect(
      judgeTerminalEvent(
        'g1',
        failed('rank'),
        evidence([...keys, 'approval', 'usage.report.g1_report.1'], ends),
      ),
    ).toMatchObject({ code: 'later-stage-evidence' });
  });

  it("does not let an approver's decision key void an end", () => {
    expect(
      judgeTerminalEvent(
        'g1',
        failed('rank'),
        evidence(['candidates', 'end.rank', 'decision.alice'], { rank: end('goal.failed') }),
      ),
    ).toEqual({ honoured: true });
  });

  it('ignores a terminal event for another goal than its subject, or one off its schema', () => {
    const ends = { rank: end('goal.failed') };
    expect(judgeTerminalEvent('g2', failed('rank'), evidence(['end.rank'], ends))).toMatchObject({
      code: 'subject-goal-mismatch',
    });
    const { reason: _reason, ...noReason } = failed('rank');
    expect(judgeTerminalEvent('g1', noReason, evidence(['end.rank'], ends))).toMatchObject({
      code: 'malformed',
    });
  });
});
