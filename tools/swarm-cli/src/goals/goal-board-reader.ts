import type { SwarmClient } from '@swarm/transport';
import type { GoalHead, GoalRow } from './goal-board.js';
import { indexGoals, toGoalRow } from './goal-board.js';
import { toGoalEvents } from './goal-timeline.js';

/** Stream reads in flight at once while reading the rows. */
const READ_CONCURRENCY = 16;

/**
 * Every goal on the events stream, newest submission first, with how it ended.
 *
 * Why this way: a goal's events sit on `<prefix>.evt.<goalId>.<type>`, so each goal has one subject per event
 * type. A consumer with `DeliverPolicy.LastPerSubject` filtered on `<prefix>.evt.*.goal.submitted` (and likewise
 * `goal.completed`, `goal.failed`) gets the last message of each such subject, which the server takes from its
 * per-subject index: one message per goal, whatever the number of task events, and none missed however long the
 * stream. `headers_only` leaves the bodies on the server, so the pass costs a few hundred bytes per goal; only
 * `outcomes` (for `--all`) reads the `goal.completed` bodies. Last-per-subject and headers-only are both in
 * nats-server 2.9 and 2.12, so nothing is gated. Knowing which goals are open still takes one message per goal
 * kept on the stream (no server feature answers "subjects without a sibling"); the stream's max age bounds it.
 */
export async function readGoalHeads(
  client: SwarmClient,
  options: { readonly outcomes?: boolean } = {},
): Promise<GoalHead[]> {
  const { topology } = client;
  const read = async (type: 'goal.submitted' | 'goal.completed' | 'goal.failed', headersOnly: boolean) => {
    const pattern = topology.eventSubject('*', type);
    const messages = await client.readStream(topology.eventsStream, pattern, {
      lastPerSubject: true,
      headersOnly,
      limit: Number.POSITIVE_INFINITY,
    });
    return { pattern, messages };
  };
  const [submitted, completed, failed] = await Promise.all([
    read('goal.submitted', true),
    read('goal.completed', !options.outcomes),
    read('goal.failed', true),
  ]);
  return indexGoals({ submitted, completed, failed });
}

/** `fn` over `items`, at most `concurrency` at a time; results in the order of `items`. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/**
 * The rows of `heads`, in their order: each goal's first submission (text, time) by one `STREAM.MSG.GET`
 * (`next_by_subj` on its exact subject), and for the goals in `stageOf` its latest event (`last_by_subj` on
 * `<prefix>.evt.<goalId>.>`), both taken from the server's per-subject index. So this costs a request or two per
 * row, never a scan of the stream. `now` is read once, after the reads.
 */
export async function readGoalRows(
  client: SwarmClient,
  heads: readonly GoalHead[],
  stageOf: ReadonlySet<string>,
  now: () => Date,
): Promise<GoalRow[]> {
  const { topology } = client;
  const read = async (query: { last: string } | { first: string }) => {
    const message = await client.readMessage(topology.eventsStream, query);
    return message ? toGoalEvents([message])[0] : undefined;
  };
  const reads = await mapConcurrently(heads, READ_CONCURRENCY, async (head) => {
    const [firstSubmission, lastEvent] = await Promise.all([
      read({ first: topology.eventSubject(head.goalId, 'goal.submitted') }),
      stageOf.has(head.goalId) ? read({ last: topology.goalEventsSubject(head.goalId) }) : undefined,
    ]);
    return { firstSubmission, lastEvent };
  });
  const at = now();
  return heads.map((head, i) => toGoalRow(head, reads[i] ?? {}, at));
}
