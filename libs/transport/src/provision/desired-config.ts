import type { QueueSpec, StreamSpec } from '@swarm/contracts';
import type { TransportSettings } from '../settings.js';

const NANOS_PER_MS = 1_000_000;

/** The stream config fields the swarm owns, in JetStream API terms (durations in nanoseconds). */
export interface DesiredStream {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly retention: 'workqueue' | 'limits';
  readonly storage: 'file';
  readonly num_replicas: number;
  readonly duplicate_window: number;
  readonly max_age: number;
  readonly discard: 'old';
  readonly description: string;
}

/** The consumer config fields the swarm owns. */
export interface DesiredConsumer {
  readonly durable_name: string;
  readonly filter_subject: string;
  readonly ack_policy: 'explicit';
  readonly deliver_policy: 'all';
  readonly ack_wait: number;
  readonly max_deliver: number;
  readonly max_ack_pending: number;
  readonly description: string;
}

/** What a contract stream should look like on the server, given the settings. */
export function desiredStream(spec: StreamSpec, settings: TransportSettings): DesiredStream {
  return {
    name: spec.name,
    subjects: [...spec.subjects],
    retention: spec.retention,
    storage: 'file',
    num_replicas: settings.replicas,
    duplicate_window: settings.duplicateWindowMs * NANOS_PER_MS,
    max_age: spec.maxAgeMs * NANOS_PER_MS,
    discard: 'old',
    description: spec.description,
  };
}

/** What a queue's durable pull consumer should look like, given the settings. */
export function desiredConsumer(queue: QueueSpec, settings: TransportSettings): DesiredConsumer {
  return {
    durable_name: queue.durable,
    filter_subject: queue.filterSubject,
    ack_policy: 'explicit',
    deliver_policy: 'all',
    ack_wait: settings.ackWaitMs * NANOS_PER_MS,
    max_deliver: settings.maxDeliver,
    max_ack_pending: settings.maxAckPending,
    description: `work queue "${queue.name}" shared by every ${queue.agent} replica`,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = (a as unknown[]).map(String).sort();
    const sb = (b as unknown[]).map(String).sort();
    return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
  }
  return a === b;
}

const IGNORED_FIELDS = new Set(['description']);

/**
 * Lists the owned fields where an existing config differs from the desired one, as `field: has X, wants Y`.
 * An empty list means the existing resource can be used as is. Pure.
 */
export function configDifferences(existing: Readonly<Record<string, unknown>>, desired: object): string[] {
  const differences: string[] = [];
  for (const [field, wanted] of Object.entries(desired)) {
    if (IGNORED_FIELDS.has(field)) continue;
    const has = existing[field];
    if (has === undefined && field === 'filter_subject' && wanted === '') continue;
    if (!sameValue(has, wanted)) {
      differences.push(`${field}: has ${JSON.stringify(has)}, wants ${JSON.stringify(wanted)}`);
    }
  }
  return differences;
}
