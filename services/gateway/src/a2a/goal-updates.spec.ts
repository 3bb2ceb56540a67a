import { TaskState } from '@a2a-js/sdk';
import type { AgentExecutionEvent } from '@a2a-js/sdk/server';
import type { GatewayOperations, GoalFeedEvent, GoalView } from '../api/gateway-operations.js';
import { GatewayError } from '../errors.js';
import { goalUpdates } from './goal-updates.js';

const view = (state: GoalView['state']): GoalView => ({
  goalId: 'g-1',
  text: 'csv parsers',
  state,
  counts: { claims: 0, completedTasks: 0, retries: 0, deadLettered: 0 },
  instances: [],
  approval: { status: 'not-requested' },
  reports: null,
  timeline: [{ seq: 7, time: '2026-12-06T10:00:00Z', type: 'goal.submitted' }],
  ignored: [],
});

/** Operations whose feed replays `events` (recording where it was asked to start) and whose report is `report`. */
function scripted(events: GoalFeedEvent[], report: string | undefined) {
  const asked: number[] = [];
  const operations = {
    followGoal(_goalId: string, afterSeq: number) {
      asked.push(afterSeq);
      return (async function* () {
        for (const event of events) yield await Promise.resolve(event);
      })();
    },
    getReport: () =>
      report === undefined
        ? Promise.reject(new GatewayError(404, 'report-not-ready', 'no report'))
        : Promise.resolve({ contentType: 'text/markdown', body: report }),
  } as unknown as GatewayOperations;
  return { operations, asked };
}

const feed = (type: string, body: Record<string, unknown> = {}, terminal = false): GoalFeedEvent => ({
  seq: 8,
  type,
  body,
  terminal,
});

async function collect(updates: AsyncIterable<AgentExecutionEvent>): Promise<string[]> {
  const seen: string[] = [];
  for await (const update of updates) {
    if (update.kind === 'statusUpdate') seen.push(TaskState[update.data.status!.state]);
    else seen.push(update.kind);
  }
  return seen;
}

describe('goalUpdates', () => {
  it('follows from the last event the view saw and sends each change once, the report just before completed', async () => {
    const { operations, asked } = scripted(
      [
        feed('task.claimed'),
        feed('task.completed'),
        feed('goal.completed', { outcome: 'delivered', summary: 'ok' }, true),
      ],
      '# Report',
    );
    const seen = await collect(
      goalUpdates(operations, view('submitted'), new AbortController().signal, { untilInputRequired: true }),
    );
    expect(asked).toEqual([7]);
    expect(seen).toEqual(['TASK_STATE_WORKING', 'artifactUpdate', 'TASK_STATE_COMPLETED']);
  });

  it('stops at input-required for a live send, and goes on to the end for a subscriber', async () => {
    const events = [
      feed('approval.requested'),
      feed('approval.rejected'),
      feed('goal.completed', { outcome: 'rejected' }, true),
    ];
    const signal = new AbortController().signal;
    const live = await collect(
      goalUpdates(scripted(events, undefined).operations, view('running'), signal, {
        untilInputRequired: true,
      }),
    );
    expect(live).toEqual(['TASK_STATE_INPUT_REQUIRED']);
    const subscriber = await collect(
      goalUpdates(scripted(events, undefined).operations, view('running'), signal, {
        untilInputRequired: false,
      }),
    );
    expect(subscriber).toEqual(['TASK_STATE_INPUT_REQUIRED', 'TASK_STATE_WORKING', 'TASK_STATE_REJECTED']);
  });

  it('sends nothing for a goal that has already ended', async () => {
    const { operations, asked } = scripted([feed('task.claimed')], undefined);
    const signal = new AbortController().signal;
    expect(
      await collect(goalUpdates(operations, view('completed'), signal, { untilInputRequired: false })),
    ).toEqual([]);
    expect(asked).toEqual([]);
  });
});
