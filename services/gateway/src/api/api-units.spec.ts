import { GoalViewsError } from '@swarm/goal-views';
import { BudgetOverCeilingError, SwarmFullError } from '@swarm/transport';
import { GatewayError } from '../errors.js';
import { agentRows, completionsByQueue } from './agent-rows.js';
import { budgetView } from './goal-view.js';
import { resumeAfter, sseFrame } from './goal-events.controller.js';
import { reportFormat } from './goals.controller.js';
import { idempotentGoalId } from './goals.service.js';
import { toProblem } from './problem.js';
import { toTimelineEntry, traceIdOf } from './timeline-entries.js';

describe('idempotentGoalId', () => {
  it('names one goal per subject and key, a valid goal id', () => {
    const id = idempotentGoalId('sam', 'k-1');
    expect(id).toBe(idempotentGoalId('sam', 'k-1'));
    expect(id).not.toBe(idempotentGoalId('ana', 'k-1'));
    expect(id).toMatch(/^g-k-[0-9a-f]{32}$/);
  });
});

describe('resumeAfter and sseFrame', () => {
  it('resumes after Last-Event-ID, else ?after=, else from the start; refuses what is no sequence', () => {
    expect(resumeAfter('42', '7')).toBe(42);
    expect(resumeAfter(undefined, '7')).toBe(7);
    expect(resumeAfter(undefined, undefined)).toBe(0);
    expect(() => resumeAfter('abc', undefined)).toThrow(GatewayError);
  });

  it('frames an event with its sequence as id and its type as event name', () => {
    expect(sseFrame({ seq: 3, type: 'task.claimed', body: { a: 1 }, terminal: false })).toBe(
      'id: 3\nevent: task.claimed\ndata: {"a":1}\n\n',
    );
  });
});

describe('toProblem', () => {
  it('answers the read model, the door and the gateway with their statuses and stable codes', () => {
    expect(
      toProblem(new GoalViewsError('approval-not-pending', 'm', { details: { resolution: 'expired' } })),
    ).toMatchObject({
      status: 409,
      body: { code: 'approval-not-pending', resolution: 'expired', status: 409 },
    });
    expect(toProblem(new SwarmFullError('stream X', 0.95, 'full'))).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '30' },
      body: { code: 'swarm-full' },
    });
    expect(toProblem(new BudgetOverCeilingError(['costUsd 2 > 1']))).toMatchObject({
      status: 422,
      body: { code: 'budget-over-ceiling' },
    });
    expect(toProblem(new Error('secret detail')).body.detail).not.toContain('secret');
  });
});

describe('timeline entries', () => {
  it('says who worked on which task, which attempt, and why it failed', () => {
    const entry = toTimelineEntry({
      seq: 9,
      event: {
        type: 'task.failed',
        time: new Date('2026-11-21T00:00:00Z'),
        body: {
          taskId: 'g/scrape/0',
          queue: 'scrape',
          deliveryCount: 2,
          willRetry: true,
          retryInMs: 400,
          error: { code: 'timeout', message: 'slow' },
          agent: { kind: 'scraper', instance: 'scraper-2' },
        },
      },
    });
    expect(entry).toEqual({
      seq: 9,
      time: '2026-11-21T00:00:00.000Z',
      type: 'task.failed',
      taskId: 'g/scrape/0',
      queue: 'scrape',
      agent: 'scraper',
      instance: 'scraper-2',
      attempt: 2,
      reason: 'timeout: slow',
      detail: 'retry in 400ms',
    });
  });

  it('says what ran out of budget, how to resume, and who added to it', () => {
    const time = new Date('2026-11-21T00:00:00Z');
    const exhausted = toTimelineEntry({
      seq: 10,
      event: {
        type: 'budget.exhausted',
        time,
        body: {
          queue: 'rank',
          agent: { kind: 'ranker', instance: 'ranker-1' },
          shortfall: 'tokens',
          policy: 'pause',
          reason: 'tokens budget 100 cannot cover the next call',
          resumeHint: 'swarm budget g --add tokens=100',
        },
      },
    });
    expect(exhausted.detail).toBe(
      'tokens ran out (policy pause): tokens budget 100 cannot cover the next call; resume with: ' +
        'swarm budget g --add tokens=100',
    );
    expect(exhausted).not.toHaveProperty('reason');
    const added = toTimelineEntry({
      seq: 11,
      event: { type: 'budget.added', time, body: { by: 'alice', add: { tokens: 100 }, resumed: ['d1'] } },
    });
    expect(added.detail).toBe('by alice: tokens +100; 1 parked task(s) resumed');
  });

  it('reads the trace id of a valid traceparent only', () => {
    expect(traceIdOf('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe(
      '0af7651916cd43dd8448eb211c80319c',
    );
    expect(traceIdOf('00-00000000000000000000000000000000-b7ad6b7169203331-01')).toBeUndefined();
    expect(traceIdOf(undefined)).toBeUndefined();
  });
});

describe('reportFormat', () => {
  it('takes ?format=, else HTML when Accept asks for it, else Markdown', () => {
    expect(reportFormat('md', 'text/html')).toBe('md');
    expect(reportFormat(undefined, 'text/html')).toBe('html');
    expect(reportFormat(undefined, undefined)).toBe('md');
  });
});

describe('agentRows', () => {
  const scrape = { name: 'scrape', agent: 'scraper', stream: 'S', filterSubject: 's', durable: 'scraper' };
  const rank = { name: 'rank', agent: 'ranker', stream: 'R', filterSubject: 'r', durable: 'ranker' };
  const at = '2026-01-01T00:00:00.000Z';
  const presence = (kind: string, instance: string, queues: string[]) => ({
    kind,
    instance,
    queues,
    startedAt: at,
    seenAt: at,
  });

  it('counts the live replicas of each queue from the presence records, not from the waiting pull requests', () => {
    const rows = agentRows(
      [scrape, rank],
      new Map([['scrape', { pending: 3, ackPending: 2, redelivered: 1, waiting: 4 }]]),
      [
        presence('scraper', 'b', ['scrape']),
        presence('scraper', 'a', ['scrape']),
        presence('ranker', 'r', ['rank']),
        presence('search', 's', ['search']),
      ],
      new Map([['scrape', 7]]),
    );
    expect(rows).toEqual([
      {
        kind: 'scraper',
        queue: 'scrape',
        replicas: 2,
        instances: ['a', 'b'],
        pending: 3,
        ackPending: 2,
        redelivered: 1,
        waitingPullers: 4,
        completedLastMinute: 7,
      },
      {
        kind: 'ranker',
        queue: 'rank',
        replicas: 1,
        instances: ['r'],
        pending: 0,
        ackPending: 0,
        redelivered: 0,
        waitingPullers: 0,
        completedLastMinute: 0,
      },
    ]);
  });

  it('says null for the completions when the events could not be read', () => {
    expect(agentRows([rank], new Map(), [], undefined)[0]?.completedLastMinute).toBeNull();
  });

  it('counts completions by the queue their events name', () => {
    expect([
      ...completionsByQueue([{ queue: 'rank' }, { queue: 'rank' }, { queue: 'scrape' }, {}, null]),
    ]).toEqual([
      ['rank', 2],
      ['scrape', 1],
    ]);
  });
});

describe('budgetView', () => {
  it('shows the limits, the spend, what is left and reserved, the deadline and the additions counted', () => {
    const at = '2026-11-21T00:00:00.000Z';
    const view = budgetView({
      limits: { costUsd: 1 },
      deadlineAt: Date.parse(at),
      onExhausted: 'pause',
      spent: { costUsd: 0.25, tokens: 10, modelCalls: 1 },
      reservations: { r: { costUsd: 0.25, tokens: 5, modelCalls: 1 } },
      additions: [{ by: 'alice', at, add: { costUsd: 0.5 }, resumed: ['d1', 'd2'] }],
    });
    expect(view).toEqual({
      limits: { costUsd: 1 },
      spent: { costUsd: 0.25, tokens: 10, modelCalls: 1 },
      reserved: { costUsd: 0.25, tokens: 5, modelCalls: 1 },
      left: { costUsd: 0.5 },
      deadlineAt: at,
      policy: 'pause',
      additions: [{ by: 'alice', at, add: { costUsd: 0.5 }, resumed: 2 }],
    });
  });
});
