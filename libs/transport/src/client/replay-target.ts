import type { DeadLetterRecord, QueueSpec } from '@swarm/contracts';
import { subjectMatches } from '@swarm/contracts';
import type { BusTopology } from '../topology.js';

/** Where `swarm dlq replay` would put a dead letter back, or why it refuses to. */
export type ReplayTarget =
  | { readonly ok: true; readonly queue: string; readonly subject: string }
  | { readonly ok: false; readonly queue: string | undefined; readonly reason: string };

/** The queue whose dead-letter subject is `storedSubject`, if any. */
function queueFiledUnder(topology: BusTopology, storedSubject: string): QueueSpec | undefined {
  return Object.values(topology.queues).find(
    (queue) => topology.deadLetterSubject(queue.name) === storedSubject,
  );
}

/**
 * Where a dead letter may be replayed: only onto the task subject of the queue it was filed under (the stream
 * subject it is stored on, `<prefix>.dlq.<queue>`, which only that queue's agent may publish to), never onto a
 * subject the record names. The record's own `queue` and `source.subject` must agree with that queue (its
 * filter subject, e.g. `swarm.task.rank`, or a concrete `swarm.evt.<goalId>.goal.submitted` for search);
 * otherwise it is refused, since whoever wrote it could have named any subject to borrow the replayer's rights.
 * Pure.
 */
export function replayTargetOf(
  topology: BusTopology,
  storedSubject: string,
  record: Pick<DeadLetterRecord, 'queue' | 'source'>,
): ReplayTarget {
  const queue = queueFiledUnder(topology, storedSubject);
  if (!queue)
    return { ok: false, queue: undefined, reason: `${storedSubject} is the dead-letter subject of no queue` };
  const refuse = (reason: string): ReplayTarget => ({ ok: false, queue: queue.name, reason });
  if (record.queue !== queue.name)
    return refuse(`filed under queue ${queue.name}, but the record claims queue ${record.queue}`);
  const subject = record.source.subject;
  const concrete = !subject.split('.').some((token) => token === '*' || token === '>');
  if (!concrete || !subjectMatches(queue.filterSubject, subject))
    return refuse(
      `filed under queue ${queue.name}, whose tasks travel on ${queue.filterSubject}, but the record names subject ${subject}`,
    );
  return { ok: true, queue: queue.name, subject };
}

/**
 * The headers a replay carries: the record's, minus every `Nats-*` header (the message id, and JetStream publish
 * options such as expected sequences or rollups that a forged record could smuggle in). Pure.
 */
export function replayHeaders(
  headers: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !name.toLowerCase().startsWith('nats-'))
      .map(([name, values]) => [name, [...values]]),
  );
}
