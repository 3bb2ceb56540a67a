import { CONTEXT_KEYS } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { endRecordsOf } from './board-ends.js';
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
 * stream. `headers_only` leaves the bodies on the server, so the pass costs a few hundred bytes per goal.
 * Last-per-subject and headers-only are both in nats-server 2.9 and 2.12, so nothing is gated. Knowing which goals
 * are open still takes one message per goal kept on the stream (no server feature answers "subjects without a
 * sibling"); the stream's max age bounds it.
 *
 * A terminal event counts only with its evidence: one more last-per-subject pass reads every goal's `end.<queue>`
 * records from the goals bucket (`$KV.<bucket>.*.end.*`, a hundred-odd bytes per ended goal), so an end nothing
 * backs leaves its goal open (and the stale-goal check sees it), and a completion's outcome is the recorded one.
 */
export async function readGoalHeads(client: SwarmClient): Promise<GoalHead[]> {
  const { topology } = client;
  const lastOf = (stream: string, pattern: string, headersOnly: boolean) =>
    client.readStream(stream, pattern, {
      lastPerSubject: true,
      headersOnly,
      limit: Number.POSITIVE_INFINITY,
    });
  const read = async (type: 'goal.submitted' | 'goal.completed' | 'goal.failed') => {
    const pattern = topology.eventSubject('*', type);
    return { pattern, messages: await lastOf(topology.eventsStream, pattern, true) };
  };
  const bucket = topology.goalsBucket;
  const [submitted, completed, failed, ends] = await Promise.all([
    read('goal.submitted'),
    read('goal.completed'),
    read('goal.failed'),
    lastOf(`KV_${bucket}`, `$KV.${bucket}.*.${CONTEXT_KEYS.end('*')}`, false),
  ]);
  return indexGoals({ submitted, completed, failed }, endRecordsOf(bucket, ends));
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
