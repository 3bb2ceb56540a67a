import type { TimelineEntry } from './api-types';
import { entryKind, layoutWaterfall, taskLabel } from './waterfall';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
let seq = 0;
const entry = (ms: number, type: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  seq: ++seq,
  time: at(ms),
  type,
  ...extra,
});

describe('entryKind', () => {
  it.each([
    ['task.claimed', 'claim'],
    ['task.completed', 'completed'],
    ['hand-off', 'completed'],
    ['task.retry', 'retry'],
    ['task.dead-lettered', 'dead-letter'],
    ['task.failed', 'failed'],
    ['task.progress', 'progress'],
    ['goal.completed', 'mark'],
    ['approval.requested', 'mark'],
    ['budget.exhausted', 'mark'],
    ['budget.added', 'mark'],
  ])('reads %s as %s', (type, kind) => {
    expect(entryKind(type)).toBe(kind);
  });

  it('tells a retry and a dead letter apart by the failure detail the gateway gives', () => {
    expect(entryKind('task.failed', 'retry in 200ms')).toBe('retry');
    expect(entryKind('task.failed', 'dead-lettered as m-1')).toBe('dead-letter');
    expect(entryKind('task.failed', 'gave up')).toBe('failed');
  });
});

describe('layoutWaterfall', () => {
  it('draws one row per claim, across replicas, closed by how each attempt ended', () => {
    const waterfall = layoutWaterfall(
      [
        entry(0, 'goal.submitted'),
        entry(0, 'task.claimed', { taskId: 's1', agent: 'search', instance: 'a', attempt: 1 }),
        entry(100, 'task.completed', { taskId: 's1', agent: 'search', instance: 'a', attempt: 1 }),
        entry(150, 'task.claimed', { taskId: 'r1', agent: 'ranker', instance: 'a', attempt: 1 }),
        entry(250, 'task.retry', {
          taskId: 'r1',
          agent: 'ranker',
          instance: 'a',
          attempt: 1,
          reason: 'timeout',
        }),
        entry(300, 'task.claimed', { taskId: 'r1', agent: 'ranker', instance: 'b', attempt: 2 }),
        entry(400, 'task.dead-lettered', { taskId: 'r1', agent: 'ranker', instance: 'b', attempt: 2 }),
        entry(400, 'goal.failed'),
      ],
      T0 + 10_000,
    );
    expect(waterfall.spanMs).toBe(400);
    expect(waterfall.lanes).toEqual(['search/a', 'ranker/a', 'ranker/b']);
    expect(waterfall.rows.map((r) => [r.taskId, r.lane, r.attempt, r.status, r.startMs, r.endMs])).toEqual([
      ['s1', 'search/a', 1, 'completed', 0, 100],
      ['r1', 'ranker/a', 1, 'retry', 150, 250],
      ['r1', 'ranker/b', 2, 'dead-letter', 300, 400],
    ]);
    expect(waterfall.rows[1]).toMatchObject({ offsetPct: 37.5, widthPct: 25, reason: 'timeout' });
    expect(waterfall.rows.map((r) => r.handedOff)).toEqual([false, false, false]);
    expect(waterfall.marks.map((m) => [m.type, m.atPct])).toEqual([
      ['goal.submitted', 0],
      ['goal.failed', 100],
    ]);
  });

  it('stretches a running attempt to now and keeps a tiny attempt visible', () => {
    const waterfall = layoutWaterfall(
      [
        entry(0, 'task.claimed', { taskId: 'a', agent: 'scraper' }),
        entry(0, 'task.completed', { taskId: 'a', agent: 'scraper' }),
        entry(500, 'task.claimed', { taskId: 'b', agent: 'scraper', instance: 'x' }),
      ],
      T0 + 1_000,
    );
    expect(waterfall.spanMs).toBe(1_000);
    const [done, running] = waterfall.rows;
    expect(done).toMatchObject({ lane: 'scraper', status: 'completed', attempt: 1 });
    expect(done!.widthPct).toBeGreaterThan(0);
    expect(running).toMatchObject({ status: 'running', offsetPct: 50, widthPct: 50, endMs: 1_000 });
  });

  it('numbers attempts itself when entries do not, and gives an end without a claim a row of its own', () => {
    const waterfall = layoutWaterfall(
      [
        entry(0, 'task.claimed', { taskId: 't', agent: 'ranker' }),
        entry(10, 'task.failed', { taskId: 't', agent: 'ranker' }),
        entry(20, 'task.claimed', { taskId: 't', agent: 'ranker' }),
        entry(30, 'task.completed', { taskId: 't', agent: 'ranker' }),
        entry(40, 'task.dead-lettered', { taskId: 'orphan', agent: 'search' }),
      ],
      T0,
    );
    expect(waterfall.rows.map((r) => [r.taskId, r.attempt, r.status])).toEqual([
      ['t', 1, 'failed'],
      ['t', 2, 'completed'],
      ['orphan', 1, 'dead-letter'],
    ]);
  });

  it('marks a completed attempt that published tasks as a hand-off', () => {
    const waterfall = layoutWaterfall(
      [
        entry(0, 'task.claimed', { taskId: 's', agent: 'search' }),
        entry(10, 'task.completed', { taskId: 's', agent: 'search', detail: 'handed off g/scrape/0' }),
        entry(20, 'task.claimed', { taskId: 'r', agent: 'communications' }),
        entry(30, 'task.completed', { taskId: 'r', agent: 'communications' }),
      ],
      T0,
    );
    expect(waterfall.rows.map((r) => [r.taskId, r.handedOff])).toEqual([
      ['s', true],
      ['r', false],
    ]);
  });

  it('reads the gateway’s own entries: task.failed with a detail, and skips progress', () => {
    const waterfall = layoutWaterfall(
      [
        entry(0, 'task.claimed', { taskId: 'k', agent: 'scraper', instance: 'a', attempt: 1 }),
        entry(5, 'task.progress', { taskId: 'k', agent: 'scraper', instance: 'a' }),
        entry(10, 'task.failed', { taskId: 'k', agent: 'scraper', attempt: 1, detail: 'retry in 200ms' }),
        entry(20, 'task.claimed', { taskId: 'k', agent: 'scraper', instance: 'b', attempt: 2 }),
        entry(30, 'task.failed', {
          taskId: 'k',
          agent: 'scraper',
          attempt: 2,
          reason: 'invalid-task: bad url',
          detail: 'dead-lettered as m-9',
        }),
      ],
      T0,
    );
    expect(waterfall.marks).toEqual([]);
    expect(waterfall.rows.map((r) => [r.lane, r.status, r.reason])).toEqual([
      ['scraper/a', 'retry', 'retry in 200ms'],
      ['scraper/b', 'dead-letter', 'invalid-task: bad url'],
    ]);
  });

  it('orders entries by time whatever order they come in, and is empty without entries', () => {
    const waterfall = layoutWaterfall(
      [
        entry(50, 'task.completed', { taskId: 'x', agent: 'search' }),
        entry(0, 'task.claimed', { taskId: 'x', agent: 'search' }),
      ],
      T0,
    );
    expect(waterfall.rows).toMatchObject([{ status: 'completed', startMs: 0, endMs: 50 }]);
    expect(layoutWaterfall([], T0)).toEqual({
      startTime: undefined,
      spanMs: 0,
      rows: [],
      marks: [],
      lanes: [],
    });
  });
});

describe('taskLabel', () => {
  it('drops the goal id a task id starts with, and keeps any other id whole', () => {
    expect(taskLabel('g-1/scrape/3', 'g-1')).toBe('scrape/3');
    expect(taskLabel('g-10/scrape/3', 'g-1')).toBe('g-10/scrape/3');
  });
});
