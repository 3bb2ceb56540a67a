import type { StreamRole } from '@swarm/contracts';
import { z } from 'zod';

const KIB = 1_024;
const MIB = 1_024 * KIB;
const GIB = 1_024 * MIB;

const bytes = z.coerce.number().int().min(1);
const count = z.coerce.number().int().min(1);

/**
 * Size and count limits of every stream, by role, and the admission high-water mark. Part of
 * `TransportSettings`. The server reserves each stream's max bytes times its replicas against the account's
 * JetStream quota (`max_file`, 8G in deploy/nats/access.json) and the server's store (10GB in
 * deploy/nats/nats.conf) and refuses a stream that does not fit. The defaults take 2.03 GiB together (events
 * 1 GiB, three task queues 256 MiB each, dead letters 256 MiB, advisories 32 MiB): 6.1 GiB at 3 replicas, and
 * the goal-context and artifact buckets use the rest. What a full stream does is its contract discard policy
 * (`STREAM_SPECS`); docs/reliability.md has the table.
 */
export const StreamLimitSettings = {
  /** Most bytes `SWARM_EVENTS` holds (the audit trail; discard new: a full one refuses new events). */
  eventsMaxBytes: bytes.default(GIB),
  /** Most messages `SWARM_EVENTS` holds. */
  eventsMaxMessages: count.default(1_000_000),
  /** Most bytes each task queue (`TASKS_*`) holds: the tasks waiting to be worked on (discard new). */
  taskQueueMaxBytes: bytes.default(256 * MIB),
  /** Most tasks each task queue holds. */
  taskQueueMaxMessages: count.default(250_000),
  /** Most bytes `SWARM_DLQ` holds (discard new: a full one leaves failed tasks in their queues). */
  deadLetterMaxBytes: bytes.default(256 * MIB),
  /** Most dead-letter records `SWARM_DLQ` holds. */
  deadLetterMaxMessages: count.default(100_000),
  /** Most bytes `SWARM_ADVISORIES` holds (discard old: the oldest advisories are already swept). */
  advisoriesMaxBytes: bytes.default(32 * MIB),
  /** Most advisories `SWARM_ADVISORIES` holds. */
  advisoriesMaxMessages: count.default(100_000),
  /**
   * Largest message (headers and body) any swarm stream stores; the server's `max_payload` (1 MiB by default)
   * bounds it too. At most 2^31 - 1 (the server's limit).
   */
  streamMaxMessageBytes: z.coerce
    .number()
    .int()
    .min(KIB)
    .max(2 ** 31 - 1)
    .default(MIB),
  /**
   * The door: a new goal is refused (`SwarmFullError`) while the events stream, a task queue or the JetStream
   * account is at or above this fraction of its max bytes or max messages, so the goals already running keep
   * the rest to finish. 1 refuses only when full.
   */
  admissionHighWater: z.coerce.number().gt(0).max(1).default(0.9),
} as const;

/** The environment variable behind each stream-limit setting. */
export const STREAM_LIMITS_ENV = {
  eventsMaxBytes: 'SWARM_EVENTS_MAX_BYTES',
  eventsMaxMessages: 'SWARM_EVENTS_MAX_MSGS',
  taskQueueMaxBytes: 'SWARM_TASK_QUEUE_MAX_BYTES',
  taskQueueMaxMessages: 'SWARM_TASK_QUEUE_MAX_MSGS',
  deadLetterMaxBytes: 'SWARM_DLQ_MAX_BYTES',
  deadLetterMaxMessages: 'SWARM_DLQ_MAX_MSGS',
  advisoriesMaxBytes: 'SWARM_ADVISORIES_MAX_BYTES',
  advisoriesMaxMessages: 'SWARM_ADVISORIES_MAX_MSGS',
  streamMaxMessageBytes: 'SWARM_STREAM_MAX_MSG_BYTES',
  admissionHighWater: 'SWARM_ADMISSION_HIGH_WATER',
} as const satisfies Record<keyof typeof StreamLimitSettings, string>;

/** Parsed stream-limit settings (a part of `TransportSettings`). */
export type StreamLimits = {
  readonly [K in keyof typeof StreamLimitSettings]: z.infer<(typeof StreamLimitSettings)[K]>;
};

/** The max bytes and max messages of a stream with this role, from the settings. Pure. */
export function limitsForRole(
  role: StreamRole,
  settings: StreamLimits,
): { readonly maxBytes: number; readonly maxMessages: number } {
  switch (role) {
    case 'events':
      return { maxBytes: settings.eventsMaxBytes, maxMessages: settings.eventsMaxMessages };
    case 'tasks':
      return { maxBytes: settings.taskQueueMaxBytes, maxMessages: settings.taskQueueMaxMessages };
    case 'dead-letters':
      return { maxBytes: settings.deadLetterMaxBytes, maxMessages: settings.deadLetterMaxMessages };
    case 'advisories':
      return { maxBytes: settings.advisoriesMaxBytes, maxMessages: settings.advisoriesMaxMessages };
  }
}
