import type { ArtifactBucket, EventType, QueueSpec, StreamSpec } from '@swarm/contracts';
import { BUCKETS, QUEUES, STREAM_SPECS, STREAMS, SUBJECTS } from '@swarm/contracts';

/**
 * The names the transport works with: streams to provision, where events and dead letters go, and the buckets.
 * `swarmTopology()` is the production one from the contracts; `isolatedTopology()` gives tests their own names.
 */
export interface BusTopology {
  readonly streams: readonly StreamSpec[];
  readonly eventsStream: string;
  readonly deadLetterStream: string;
  readonly advisoriesStream: string;
  readonly goalsBucket: string;
  /** The KV bucket of live agent replicas (`AgentPresence` records, dropped by the bucket's max age). */
  readonly presenceBucket: string;
  /** The KV bucket of the swarm-wide model rate limiters (`RateLimitState` per limiter key). */
  readonly rateLimitsBucket: string;
  /** The object-store bucket behind each artifact bucket of the contracts (`ARTIFACT_BUCKETS`). */
  readonly artifactBuckets: Readonly<Record<ArtifactBucket, string>>;
  eventSubject(goalId: string, type: EventType): string;
  goalEventsSubject(goalId: string): string;
  deadLetterSubject(queue: string): string;
  readonly allDeadLettersSubject: string;
  /** The work queues by name: a dead letter filed under `deadLetterSubject(name)` is replayed only onto its queue. */
  readonly queues: Readonly<Record<string, QueueSpec>>;
}

/** The swarm's production topology, straight from `@swarm/contracts`. */
export function swarmTopology(): BusTopology {
  return {
    streams: STREAM_SPECS,
    eventsStream: STREAMS.events,
    deadLetterStream: STREAMS.deadLetter,
    advisoriesStream: STREAMS.advisories,
    goalsBucket: BUCKETS.goals,
    presenceBucket: BUCKETS.presence,
    rateLimitsBucket: BUCKETS.rateLimits,
    artifactBuckets: { artifacts: BUCKETS.artifacts, reports: BUCKETS.reports },
    eventSubject: SUBJECTS.event,
    goalEventsSubject: SUBJECTS.goalEvents,
    deadLetterSubject: SUBJECTS.deadLetter,
    allDeadLettersSubject: SUBJECTS.allDeadLetters,
    queues: QUEUES,
  };
}

/** The production queues by name. */
export const SWARM_QUEUES: Readonly<Record<string, QueueSpec>> = QUEUES;

/**
 * A topology with every name prefixed, so tests (or two swarms on one server) never collide. `queueNames` get
 * work-queue streams `<prefix>_<NAME>` on subjects `<prefix>.task.<name>` with durable `<name>-worker`.
 */
export function isolatedTopology(
  prefix: string,
  queueNames: readonly string[] = ['work'],
): { topology: BusTopology; queues: Record<string, QueueSpec> } {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  const queues: Record<string, QueueSpec> = {};
  for (const name of queueNames) {
    queues[name] = {
      name,
      agent: name,
      stream: `${p}_${name.toUpperCase()}`,
      filterSubject: `${p}.task.${name}`,
      durable: `${name}-worker`,
    };
  }
  const events = `${p}_EVENTS`;
  const deadLetters = `${p}_DLQ`;
  const advisories = `${p}_ADVISORIES`;
  const streams: StreamSpec[] = [
    {
      name: events,
      subjects: [`${p}.evt.>`],
      retention: 'limits',
      description: 'test events',
      maxAgeMs: 0,
      role: 'events',
      discard: 'new',
    },
    {
      name: deadLetters,
      subjects: [`${p}.dlq.>`],
      retention: 'limits',
      description: 'test dlq',
      maxAgeMs: 0,
      role: 'dead-letters',
      discard: 'new',
    },
    {
      name: advisories,
      subjects: [...Object.values(queues).map((q) => SUBJECTS.maxDeliveriesAdvisory(q.stream, '*'))],
      retention: 'limits',
      description: 'test advisories',
      maxAgeMs: 0,
      role: 'advisories',
      discard: 'old',
    },
    ...Object.values(queues).map((q): StreamSpec => ({
      name: q.stream,
      subjects: [q.filterSubject],
      retention: 'workqueue',
      description: `test queue ${q.name}`,
      maxAgeMs: 0,
      role: 'tasks',
      discard: 'new',
    })),
  ];
  return {
    queues,
    topology: {
      streams,
      eventsStream: events,
      deadLetterStream: deadLetters,
      advisoriesStream: advisories,
      goalsBucket: `${p}-goals`,
      presenceBucket: `${p}-presence`,
      rateLimitsBucket: `${p}-rate-limits`,
      artifactBuckets: { artifacts: `${p}-artifacts`, reports: `${p}-reports` },
      eventSubject: (goalId, type) => `${p}.evt.${goalId}.${type}`,
      goalEventsSubject: (goalId) => `${p}.evt.${goalId}.>`,
      deadLetterSubject: (queue) => `${p}.dlq.${queue}`,
      allDeadLettersSubject: `${p}.dlq.>`,
      queues,
    },
  };
}
