import type { SwarmClient } from '@swarm/transport';
import { isTerminalEventType } from '@swarm/contracts';
import { judgeGoalEvents } from './event-trust.js';
import { GoalTally } from './goal-tally.js';
import type { GoalTallyCounts } from './goal-tally.js';
import { toGoalEvents } from './goal-timeline.js';

/**
 * Follows every goal's events on the events stream (what is stored, then live) until `signal` aborts, feeding a
 * `GoalTally` the events a reader honours (`judgeGoalEvents`: a goal ends only with its context backing the end),
 * and calls `onChange` with the counts each time they change.
 */
export async function followGoalTally(
  client: SwarmClient,
  signal: AbortSignal,
  onChange: (counts: GoalTallyCounts) => void,
): Promise<void> {
  const pattern = client.topology.goalEventsSubject('*');
  const goalToken = pattern.split('.').indexOf('*');
  const tally = new GoalTally();
  for await (const message of client.followEvents(pattern, signal)) {
    const goalId = message.subject.split('.')[goalToken];
    if (!goalId) continue;
    for (const event of toGoalEvents([message])) {
      const evidence = isTerminalEventType(event.type)
        ? await client.goalEvidence(goalId, message.headers)
        : undefined;
      if (judgeGoalEvents(goalId, [event], evidence).honoured.length === 0) continue;
      if (tally.apply(goalId, event)) onChange(tally.counts());
    }
  }
}
