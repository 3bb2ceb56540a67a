import type { SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';
import type { GoalEvent } from './goal-timeline.js';
import { toGoalEvents } from './goal-timeline.js';

const FINAL_EVENTS = new Set(['goal.completed', 'goal.failed']);

/**
 * Follows a goal's events live (from its first event) until it completes or fails, calling `onEvent` for each.
 * Throws CliError (exit 4) after `timeoutMs` without a final event.
 */
export async function followGoal(
  client: SwarmClient,
  goalId: string,
  options: { readonly onEvent?: (event: GoalEvent) => void; readonly timeoutMs: number },
): Promise<{ final: GoalEvent; events: GoalEvent[] }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  const events: GoalEvent[] = [];
  try {
    for await (const message of client.followEvents(
      client.topology.goalEventsSubject(goalId),
      abort.signal,
    )) {
      for (const event of toGoalEvents([message])) {
        events.push(event);
        options.onEvent?.(event);
        if (FINAL_EVENTS.has(event.type)) return { final: event, events };
      }
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  throw new CliError(
    `goal ${goalId} did not finish within ${options.timeoutMs}ms (see: swarm status ${goalId})`,
    EXIT_CODES.timeout,
  );
}
