import { sampleGoalEvents, t } from '@swarm/goal-views/testing';
import { renderEventLine } from './event-line.js';

const events = sampleGoalEvents;

describe('renderEventLine', () => {
  it('says who claimed what, how long it waited, and when a retry comes', () => {
    expect(renderEventLine(events[1]!, t(0))).toBe(
      '   +1.00s  search@search-1 claimed g/search (delivery 1, waited 3ms)',
    );
    expect(renderEventLine(events[2]!, t(0))).toContain(
      'FAILED g/scrape/0 (delivery 1, timeout: slow); retry in 1.00s',
    );
    expect(renderEventLine(events[3]!, t(0))).toContain('completed g/scrape/0 in 1.50s, handed off 1');
  });

  it('says what ran out of budget, what the goal does now and who added to it', () => {
    const exhausted = {
      type: 'budget.exhausted',
      time: t(2),
      body: {
        agent: { kind: 'ranker', instance: 'ranker-1' },
        shortfall: 'costUsd',
        reason: 'costUsd budget 0.5 cannot cover the next call',
        policy: 'pause',
        resumeHint: 'swarm budget g --add cost=0.5',
      },
    };
    expect(renderEventLine(exhausted, t(0))).toBe(
      '   +2.00s  ranker@ranker-1 BUDGET EXHAUSTED (costUsd): costUsd budget 0.5 cannot cover the next call; ' +
        'paused until a human adds to it: swarm budget g --add cost=0.5',
    );
    const degraded = { ...exhausted, body: { ...exhausted.body, policy: 'degrade' } };
    expect(renderEventLine(degraded, t(0))).toMatch(/going on with the builtin brains$/);
    const added = {
      type: 'budget.added',
      time: t(3),
      body: { by: 'alice', add: { costUsd: 0.25 }, deadlineMs: 60_000, resumed: ['dlq/R/1'] },
    };
    expect(renderEventLine(added, t(0))).toBe(
      '   +3.00s  budget added by alice: cost +0.25, deadline +60.00s; 1 parked task(s) resumed',
    );
  });
});
