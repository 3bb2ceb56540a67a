import type { EventType, QueueSpec } from '@swarm/contracts';
import {
  BUCKETS,
  CONTEXT_KEY_FAMILIES,
  DEPLOYMENT_KEYS,
  EVENT_EMITTERS,
  EVENT_TYPES,
  QUEUES,
  STREAM_SPECS,
  SUBJECTS,
  writersOf,
} from '@swarm/contracts';

/** What a NATS user is for: one agent kind, the operator's CLI, one human approver, or the HTTP gateway. */
export type RoleKind = 'agent' | 'operator' | 'approver' | 'gateway';

/**
 * One role's rights in the swarm's terms (the permission builder turns them into NATS subjects). Key families are
 * goal-context keys below `<goalId>.`; `>` and `*` are NATS wildcards inside the key.
 */
export interface Role {
  readonly kind: RoleKind;
  /** What the holder does, for the permission matrix. */
  readonly job: string;
  /** The queue an agent serves (its durable, its dead-letter subject, its queue stream). */
  readonly queue?: QueueSpec;
  /** Event types it may publish on `swarm.evt.<goal>.<type>`. */
  readonly events: readonly string[];
  /** Task subjects it may publish (an agent's one hand-off; the operator's dead-letter replays). */
  readonly tasks: readonly string[];
  /** Goal-context key families it may write (`<goalId>.<family>`). */
  readonly contextWrites: readonly string[];
  /** Deployment-level keys of the goals bucket it may write (`DEPLOYMENT_KEYS`, outside every goal's keys). */
  readonly deploymentWrites: readonly string[];
  /** Object-store buckets it may write (write once: nothing may purge). */
  readonly objectWrites: readonly string[];
  /** Whether it lists goal-context keys (an ordered consumer on the goals bucket). */
  readonly listsContext: boolean;
  /** Whether it reads the events and dead-letter streams through short-lived ordered consumers. */
  readonly readsStreams: boolean;
  /** Whether it calls model providers, so reads and books the swarm-wide rate limiters (`BUCKETS.rateLimits`). */
  readonly callsModels: boolean;
}

/** The buckets every role reads (artifacts and reports are read by whoever follows a goal). */
export const OBJECT_BUCKETS: readonly string[] = [BUCKETS.artifacts, BUCKETS.reports];

/** Every stream the swarm provisions, KV and object-store streams included. */
export const PROVISIONED_STREAMS: readonly string[] = [
  ...STREAM_SPECS.map((spec) => spec.name),
  `KV_${BUCKETS.goals}`,
  `KV_${BUCKETS.presence}`,
  `KV_${BUCKETS.rateLimits}`,
  ...OBJECT_BUCKETS.map((bucket) => `OBJ_${bucket}`),
];

/** The event types a role may emit, from the contracts' EVENT_EMITTERS. */
const eventsOf = (role: string): EventType[] =>
  EVENT_TYPES.filter((type) => (EVENT_EMITTERS[type] as readonly string[]).includes(role));

/** The goal-context key families a writer owns, from the contracts' CONTEXT_KEY_FAMILIES. */
const keysOf = (writer: string): string[] =>
  CONTEXT_KEY_FAMILIES.filter((family) => (writersOf(family) as readonly string[]).includes(writer)).map(
    (family) => family.pattern,
  );

/** An agent's role: its events and key families from the contracts, its hand-off and object bucket given here. */
function agentRole(
  queue: QueueSpec,
  job: string,
  tasks: readonly string[],
  objectWrites: readonly string[],
): Role {
  return {
    kind: 'agent',
    job,
    queue,
    events: eventsOf(queue.name),
    tasks,
    contextWrites: keysOf(queue.name),
    // The communications agent announces the sinks it delivers to; the door reads it.
    deploymentWrites: queue.name === QUEUES.report.name ? [DEPLOYMENT_KEYS.delivery] : [],
    objectWrites,
    listsContext: queue.name === QUEUES.report.name,
    readsStreams: false,
    // Every agent may be given a model (SWARM_MODEL), and every model call books from the shared rate limits.
    callsModels: true,
  };
}

/** The four agents: each may write only its own key families and publish only its own events and hand-off. */
export const AGENT_ROLES: Readonly<Record<string, Role>> = {
  [QUEUES.search.agent]: agentRole(
    QUEUES.search,
    'plans a submitted goal, searches, fans out one scrape task per candidate',
    [SUBJECTS.task.scrape],
    [],
  ),
  [QUEUES.scrape.agent]: agentRole(
    QUEUES.scrape,
    'fetches and extracts one candidate; the last scrape of a goal hands off the rank task',
    [SUBJECTS.task.rank],
    [],
  ),
  [QUEUES.rank.agent]: agentRole(
    QUEUES.rank,
    'ranks the joined candidates, stores the ranking, hands off the report task',
    [SUBJECTS.task.report],
    [BUCKETS.artifacts],
  ),
  [QUEUES.report.agent]: agentRole(
    QUEUES.report,
    "writes the report, asks for approval and records the approver's decision, delivers, ends the goal; " +
      'resumes a goal parked for approval with a report task on its own queue',
    [SUBJECTS.task.report],
    [BUCKETS.reports],
  ),
};

/** The operator's CLI user: submits goals, follows and inspects them, lists and replays dead letters. */
export const OPERATOR_ROLE: Role = {
  kind: 'operator',
  job: 'submits goals, follows and inspects them, lists and replays dead letters; cannot decide approvals',
  events: eventsOf('operator'),
  tasks: Object.values(SUBJECTS.task),
  contextWrites: keysOf('operator'),
  deploymentWrites: [],
  objectWrites: [],
  listsContext: true,
  readsStreams: true,
  callsModels: false,
};

/** One human approver: reads goals and reports and writes only decisions under its own name. */
export function approverRole(user: string): Role {
  return {
    kind: 'approver',
    job: 'reads goals and reports; decides approvals under its own name only',
    events: [],
    tasks: [],
    // The family is `decision.*`; each approver gets only the key with its own user name in it.
    contextWrites: keysOf('approver').map((pattern) => pattern.replace(/\*$/, user)),
    deploymentWrites: [],
    objectWrites: [],
    listsContext: true,
    readsStreams: true,
    callsModels: false,
  };
}

/**
 * The HTTP gateway's user: everything the operator's CLI does, for the people it authenticates (it checks their
 * roles), plus decisions vouched for them: only keys `decision.<its own user>.<subject>`, never a plain approver's.
 */
export function gatewayRole(user: string): Role {
  return {
    ...OPERATOR_ROLE,
    kind: 'gateway',
    job:
      'the HTTP gateway: submits goals, follows them, lists and replays dead letters for the people it ' +
      'authenticates; decides approvals only under its own name and the subject it vouches for',
    contextWrites: [
      ...OPERATOR_ROLE.contextWrites,
      ...keysOf('gateway').map((pattern) => pattern.replace(/^decision\.\*/, `decision.${user}`)),
    ],
  };
}
