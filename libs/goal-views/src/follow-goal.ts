import type { SwarmClient } from '@swarm/transport';
import { GOAL_VIEWS_ERROR_CODES, GoalViewsError } from './errors.js';
import type { IgnoredEvent } from './event-trust.js';
import { judgeGoalEvents } from './event-trust.js';
import type { GoalEvent } from './goal-timeline.js';
import { toGoalEvents } from './goal-timeline.js';

const FINAL_EVENTS = new Set(['goal.completed', 'goal.failed']);
/** How long to wait, by default, after the final event for the end of the task that produced it. */
const DEFAULT_SETTLE_MS = 2_000;

/**
 * True when `event` is the end of the task attempt that produced the goal's final event: its `task.completed`,
 * or the `task.failed` that gave up on it (same cause: the task message). A handler's `goal.completed` and its
 * task's `task.completed` go out together, so the latter may land just after the former. Pure.
 */
export function endsProducerOf(final: GoalEvent, event: GoalEvent): boolean {
  const cause = final.body['causationId'];
  if (typeof cause !== 'string' || event.body['causationId'] !== cause) return false;
  return (
    event.type === 'task.completed' || (event.type === 'task.failed' && event.body['willRetry'] === false)
  );
}

/**
 * Follows a goal's events live (from its first event) until it completes or fails, calling `onEvent` for each
 * event it honours and `onIgnored` for each it ignores (`judgeGoalEvents`: a terminal event ends the goal only
 * with the goal's context backing it, read then).
 * It then keeps following, up to `settleMs` (default 2 s; 0: not at all), for the end of the task that produced the
 * final event (its completion, with that attempt's model usage, may land just after), returning once it is seen.
 * Throws GoalViewsError (`follow-timeout`, retryable) after `timeoutMs` without a final event.
 */
export async function followGoal(
  client: SwarmClient,
  goalId: string,
  options: {
    readonly onEvent?: (event: GoalEvent) => void;
    /** An event ignored as forged or unbacked (`judgeEvent`, `judgeTerminalEvent`): it neither shows nor ends. */
    readonly onIgnored?: (ignored: IgnoredEvent) => void;
    readonly timeoutMs: number;
    readonly settleMs?: number;
  },
): Promise<{ final: GoalEvent; events: GoalEvent[] }> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), options.timeoutMs);
  const events: GoalEvent[] = [];
  let final: GoalEvent | undefined;
  try {
    for await (const message of client.followEvents(
      client.topology.goalEventsSubject(goalId),
      abort.signal,
    )) {
      for (const event of toGoalEvents([message])) {
        // A terminal event's evidence is stored before it is published, so it is there to read now.
        const evidence = FINAL_EVENTS.has(event.type)
          ? await client.goalEvidence(goalId, message.headers)
          : undefined;
        const [ignored] = judgeGoalEvents(goalId, [event], evidence).ignored;
        if (ignored) {
          options.onIgnored?.(ignored);
          continue;
        }
        events.push(event);
        options.onEvent?.(event);
        if (final) {
          if (endsProducerOf(final, event)) return { final, events };
        } else if (FINAL_EVENTS.has(event.type)) {
          final = event;
          const ended = final;
          const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
          if (settleMs <= 0 || events.some((e) => endsProducerOf(ended, e))) return { final, events };
          clearTimeout(timer);
          timer = setTimeout(() => abort.abort(), settleMs);
        }
      }
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  if (final) return { final, events };
  throw new GoalViewsError(
    GOAL_VIEWS_ERROR_CODES.followTimeout,
    `goal ${goalId} did not finish within ${options.timeoutMs}ms (see: swarm status ${goalId})`,
    { retryable: true },
  );
}
