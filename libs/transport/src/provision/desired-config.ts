import type { DiscardPolicy, QueueSpec, StreamSpec } from '@swarm/contracts';
import type { TransportSettings } from '../settings.js';
import { limitsForRole } from '../stream-limits.settings.js';

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
  readonly max_bytes: number;
  readonly max_msgs: number;
  readonly max_msg_size: number;
  readonly discard: DiscardPolicy;
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

/** What a contract stream should look like on the server, given the settings (limits by the stream's role). */
export function desiredStream(spec: StreamSpec, settings: TransportSettings): DesiredStream {
  const limits = limitsForRole(spec.role, settings);
  return {
    name: spec.name,
    subjects: [...spec.subjects],
    retention: spec.retention,
    storage: 'file',
    num_replicas: settings.replicas,
    duplicate_window: settings.duplicateWindowMs * NANOS_PER_MS,
    max_age: spec.maxAgeMs * NANOS_PER_MS,
    max_bytes: limits.maxBytes,
    max_msgs: limits.maxMessages,
    max_msg_size: settings.streamMaxMessageBytes,
    discard: spec.discard,
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
 * Stream fields an operator may change on a live stream (`nats stream edit`) and the swarm may run with either
 * way: a difference is drift to report, not a conflict. Deployments from before the limits have none
 * (`-1`, discard `old`).
 */
export const STREAM_LIMIT_FIELDS: readonly string[] = ['max_bytes', 'max_msgs', 'max_msg_size', 'discard'];

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

/**
 * Compares an existing stream with the desired one: `conflicts` (retention, subjects, ...) stop start-up;
 * `drift` (the limit fields, `STREAM_LIMIT_FIELDS`) is only reported, since agents may not edit streams and an
 * older deployment's unlimited streams still work. Both as `field: has X, wants Y`. Pure.
 */
export function streamDifferences(
  existing: Readonly<Record<string, unknown>>,
  desired: DesiredStream,
): { readonly conflicts: string[]; readonly drift: string[] } {
  const owned: Record<string, unknown> = {};
  const limits: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(desired)) {
    (STREAM_LIMIT_FIELDS.includes(field) ? limits : owned)[field] = value;
  }
  return { conflicts: configDifferences(existing, owned), drift: configDifferences(existing, limits) };
}
