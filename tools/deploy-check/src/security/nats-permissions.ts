import { BUCKETS, QUEUES, STREAMS, SUBJECTS } from '@swarm/contracts';
import type { Role } from './roles.js';
import { OBJECT_BUCKETS, PROVISIONED_STREAMS } from './roles.js';

/** A NATS user's publish and subscribe rights (everything not allowed is denied). */
export interface NatsPermissions {
  readonly publish: readonly string[];
  readonly publishDeny: readonly string[];
  readonly subscribe: readonly string[];
}

/** The reply-subject prefix of a user: replies to one user cannot be read by another. */
export const inboxPrefixOf = (user: string): string => `_INBOX_${user}`;

const API = '$JS.API';
const GOALS_STREAM = `KV_${BUCKETS.goals}`;
const PRESENCE_STREAM = `KV_${BUCKETS.presence}`;
const RATE_LIMITS_STREAM = `KV_${BUCKETS.rateLimits}`;

/** Provisioning at start-up: create what is missing, compare what exists; never update, purge or delete. */
const provisioning = (): string[] => [
  `${API}.INFO`,
  `${API}.STREAM.INFO.*`,
  ...PROVISIONED_STREAMS.map((stream) => `${API}.STREAM.CREATE.${stream}`),
];

/** Reading one message of a stream by sequence or subject: MSG.GET on 2.9, DIRECT.GET on 2.10+. */
const messageReads = (stream: string): string[] => [
  `${API}.STREAM.MSG.GET.${stream}`,
  `${API}.DIRECT.GET.${stream}`,
  `${API}.DIRECT.GET.${stream}.>`,
];

/** A short-lived ordered (push) consumer on a stream: create, info, delete and its flow control. */
const orderedConsumer = (stream: string): string[] => [
  `${API}.CONSUMER.CREATE.${stream}`,
  `${API}.CONSUMER.CREATE.${stream}.>`,
  `${API}.CONSUMER.INFO.${stream}.>`,
  `${API}.CONSUMER.DELETE.${stream}.>`,
  `$JS.FC.${stream}.>`,
];

/** A short-lived ordered pull consumer (how SwarmClient reads the events and dead-letter streams). */
const orderedPullConsumer = (stream: string): string[] => [
  `${API}.CONSUMER.CREATE.${stream}`,
  `${API}.CONSUMER.CREATE.${stream}.>`,
  `${API}.CONSUMER.MSG.NEXT.${stream}.*`,
  `${API}.CONSUMER.DELETE.${stream}.*`,
];

/** A durable pull consumer one agent kind owns: create, info, pull and ack. */
const durable = (stream: string, name: string): string[] => [
  `${API}.CONSUMER.CREATE.${stream}.${name}`,
  `${API}.CONSUMER.CREATE.${stream}.${name}.>`,
  `${API}.CONSUMER.DURABLE.CREATE.${stream}.${name}`,
  `${API}.CONSUMER.INFO.${stream}.${name}`,
  `${API}.CONSUMER.MSG.NEXT.${stream}.${name}`,
  `$JS.ACK.${stream}.${name}.>`,
];

/** Builds a role's NATS rights. Pure: the same role always gives the same lists, in a stable order. */
export function natsPermissions(user: string, role: Role): NatsPermissions {
  const publish: string[] = [
    ...provisioning(),
    ...messageReads(GOALS_STREAM),
    ...OBJECT_BUCKETS.flatMap((bucket) => [
      ...messageReads(`OBJ_${bucket}`),
      ...orderedConsumer(`OBJ_${bucket}`),
    ]),
    ...role.contextWrites.map((family) => `$KV.${BUCKETS.goals}.*.${family}`),
    ...role.deploymentWrites.map((key) => `$KV.${BUCKETS.goals}.${key}`),
    ...role.objectWrites.map((bucket) => `$O.${bucket}.>`),
  ];
  if (role.listsContext) publish.push(...orderedConsumer(GOALS_STREAM));
  const queue = role.queue;
  if (queue) {
    publish.push(...durable(queue.stream, queue.durable));
    const advisories = `${queue.durable}-max-deliveries`;
    publish.push(...durable(STREAMS.advisories, advisories));
    // The sweeper reads a task that exhausted its deliveries, dead-letters it and removes it from its own queue.
    publish.push(`${API}.STREAM.MSG.GET.${queue.stream}`);
    if (queue.stream !== STREAMS.events) publish.push(`${API}.STREAM.MSG.DELETE.${queue.stream}`);
    publish.push(SUBJECTS.deadLetter(queue.name));
    // Its replicas' presence records (put, refreshed, deleted at stop): only keys of its own kind.
    publish.push(`$KV.${BUCKETS.presence}.${queue.agent}.>`);
  }
  if (role.callsModels) {
    // The swarm-wide model rate limiters: read a limiter's state and book from it by compare-and-set.
    publish.push(...messageReads(RATE_LIMITS_STREAM), `$KV.${BUCKETS.rateLimits}.>`);
  }
  if (role.readsStreams) {
    publish.push(...orderedPullConsumer(STREAMS.events), ...orderedPullConsumer(STREAMS.deadLetter));
    // One event by subject: the door's check that a goal is already stored when the swarm is full.
    publish.push(...messageReads(STREAMS.events));
    // `swarm goals` reads every goal's end records through an ordered pull consumer on the goals bucket.
    publish.push(...orderedPullConsumer(GOALS_STREAM));
    publish.push(`${API}.CONSUMER.INFO.*.*`);
    // The live replicas: the newest presence record of each key, through an ordered pull consumer.
    publish.push(...orderedPullConsumer(PRESENCE_STREAM));
  }
  publish.push(...role.events.map((type) => `swarm.evt.*.${type}`), ...role.tasks);
  // Readers of the events stream may never touch an agent's durable on it.
  const searchDurable = `${STREAMS.events}.${QUEUES.search.durable}`;
  const publishDeny = role.readsStreams
    ? [
        `${API}.CONSUMER.CREATE.${searchDurable}`,
        `${API}.CONSUMER.CREATE.${searchDurable}.>`,
        `${API}.CONSUMER.DURABLE.CREATE.${searchDurable}`,
        `${API}.CONSUMER.MSG.NEXT.${searchDurable}`,
        `${API}.CONSUMER.DELETE.${searchDurable}`,
      ]
    : [];
  return {
    publish: [...new Set(publish)],
    publishDeny,
    subscribe: [`${inboxPrefixOf(user)}.>`],
  };
}
