/**
 * Every subject, stream, consumer and bucket name on the bus, in one place. Services and the transport take
 * names from here; deploy manifests are checked against them so they cannot drift.
 */

/** JetStream streams. */
export const STREAMS = {
  /** The audit trail: every goal and lifecycle event, kept for `maxAge`. Also the search agent's input. */
  events: 'SWARM_EVENTS',
  scrape: 'TASKS_SCRAPE',
  rank: 'TASKS_RANK',
  report: 'TASKS_REPORT',
  /** Dead-letter records, kept for inspection and replay. */
  deadLetter: 'SWARM_DLQ',
  /** JetStream MAX_DELIVERIES advisories, kept so no replica crash loses one. */
  advisories: 'SWARM_ADVISORIES',
} as const;

/** Event types on `swarm.evt.<goalId>.<type>`. */
export const EVENT_TYPES = [
  'goal.submitted',
  'task.claimed',
  'task.progress',
  'task.completed',
  'task.failed',
  'approval.requested',
  'approval.granted',
  'approval.rejected',
  'goal.completed',
  'goal.failed',
  'budget.exhausted',
  'budget.added',
] as const;
/** An event type. */
export type EventType = (typeof EVENT_TYPES)[number];

/** Subject names and builders. Goal ids are single subject tokens (see `GoalId`). */
export const SUBJECTS = {
  /** Everything in the events stream. */
  allEvents: 'swarm.evt.>',
  /** Every event of one goal: `swarm.evt.<goalId>.>` */
  goalEvents: (goalId: string) => `swarm.evt.${goalId}.>`,
  /** One event: `swarm.evt.<goalId>.<type>` */
  event: (goalId: string, type: EventType) => `swarm.evt.${goalId}.${type}`,
  /** Every goal submission (the search agent's filter). */
  allGoalSubmissions: 'swarm.evt.*.goal.submitted',
  task: {
    scrape: 'swarm.task.scrape',
    rank: 'swarm.task.rank',
    report: 'swarm.task.report',
  },
  /** Dead-letter records of one queue: `swarm.dlq.<queue>` */
  deadLetter: (queue: string) => `swarm.dlq.${queue}`,
  allDeadLetters: 'swarm.dlq.>',
  /** The JetStream advisory sent when a message reaches its consumer's max deliveries. */
  maxDeliveriesAdvisory: (stream: string, consumer: string) =>
    `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${consumer}`,
} as const;

/** A work queue: one durable pull consumer that every replica of one agent kind shares. */
export interface QueueSpec {
  /** The capability, e.g. `scrape`; also the dead-letter subject token. */
  readonly name: string;
  /** The agent kind that serves this queue. */
  readonly agent: string;
  readonly stream: string;
  /** The consumer's filter subject. */
  readonly filterSubject: string;
  /** The durable consumer's name. */
  readonly durable: string;
}

/** The four work queues, one per agent capability. */
export const QUEUES = {
  search: {
    name: 'search',
    agent: 'search',
    stream: STREAMS.events,
    filterSubject: SUBJECTS.allGoalSubmissions,
    durable: 'search',
  },
  scrape: {
    name: 'scrape',
    agent: 'scraper',
    stream: STREAMS.scrape,
    filterSubject: SUBJECTS.task.scrape,
    durable: 'scraper',
  },
  rank: {
    name: 'rank',
    agent: 'ranker',
    stream: STREAMS.rank,
    filterSubject: SUBJECTS.task.rank,
    durable: 'ranker',
  },
  report: {
    name: 'report',
    agent: 'communications',
    stream: STREAMS.report,
    filterSubject: SUBJECTS.task.report,
    durable: 'communications',
  },
} as const satisfies Record<string, QueueSpec>;
/** A queue name. */
export type QueueName = keyof typeof QUEUES;

/** Retention of a stream: `workqueue` removes a message once acked; `limits` keeps it for max age. */
export type Retention = 'workqueue' | 'limits';

/**
 * What a stream at its size or count limit does with the next message: `new` refuses it (the publisher gets an
 * error and nothing stored is dropped); `old` drops the oldest stored message to make room.
 */
export type DiscardPolicy = 'new' | 'old';

/**
 * What a stream holds. The transport sizes a stream by its role (one max-bytes and max-messages setting per
 * role), and the admission check at the door reads the roles every goal needs: `events` and `tasks`.
 */
export type StreamRole = 'events' | 'tasks' | 'dead-letters' | 'advisories';

/** A stream as the contract declares it; the transport turns it into a JetStream config. */
export interface StreamSpec {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly retention: Retention;
  readonly description: string;
  /** Default max age in milliseconds (0 = forever); deployments may override. */
  readonly maxAgeMs: number;
  /** What the stream holds; its size and count limits follow from it. */
  readonly role: StreamRole;
  /** What the stream does when it is full. */
  readonly discard: DiscardPolicy;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every stream the swarm provisions at start-up. */
export const STREAM_SPECS: readonly StreamSpec[] = [
  {
    name: STREAMS.events,
    subjects: [SUBJECTS.allEvents],
    retention: 'limits',
    description: 'Audit trail of every goal: submissions and lifecycle events.',
    maxAgeMs: 7 * DAY_MS,
    role: 'events',
    discard: 'new',
  },
  {
    name: STREAMS.scrape,
    subjects: [SUBJECTS.task.scrape],
    retention: 'workqueue',
    description: 'Scrape tasks, one per candidate.',
    maxAgeMs: 0,
    role: 'tasks',
    discard: 'new',
  },
  {
    name: STREAMS.rank,
    subjects: [SUBJECTS.task.rank],
    retention: 'workqueue',
    description: 'Rank tasks, one per goal, emitted by the join.',
    maxAgeMs: 0,
    role: 'tasks',
    discard: 'new',
  },
  {
    name: STREAMS.report,
    subjects: [SUBJECTS.task.report],
    retention: 'workqueue',
    description: 'Report tasks, one per goal.',
    maxAgeMs: 0,
    role: 'tasks',
    discard: 'new',
  },
  {
    name: STREAMS.deadLetter,
    subjects: [SUBJECTS.allDeadLetters],
    retention: 'limits',
    description: 'Dead-letter records with reason, payload and headers.',
    maxAgeMs: 30 * DAY_MS,
    role: 'dead-letters',
    discard: 'new',
  },
  {
    name: STREAMS.advisories,
    // Only the swarm's own queue streams: other applications' advisories are not ours to sweep.
    subjects: [
      ...new Set(Object.values(QUEUES).map((queue) => SUBJECTS.maxDeliveriesAdvisory(queue.stream, '*'))),
    ],
    retention: 'limits',
    description: 'MAX_DELIVERIES advisories, swept into the dead-letter stream.',
    maxAgeMs: 7 * DAY_MS,
    role: 'advisories',
    discard: 'old',
  },
];

/** Key-value and object-store buckets. */
export const BUCKETS = {
  /** Per-goal shared context; keys are `<goalId>.<key>`. */
  goals: 'swarm-goals',
  /** The ranker's artifacts (the ranking); objects are `<goalId>/<name>`, see `ARTIFACT_BUCKETS`. */
  artifacts: 'swarm-artifacts',
  /** Communications' reports (preview, Markdown, HTML); objects are `<goalId>/<name>`, see `ARTIFACT_BUCKETS`. */
  reports: 'swarm-reports',
  /** Live agent replicas: one `AgentPresence` per replica under `<kind>.<instance>`, dropped by the bucket's max age. */
  presence: 'swarm-presence',
  /** Model rate limiters shared by every replica: one `RateLimitState` per limiter key, dropped by the bucket's max age. */
  rateLimits: 'swarm-rate-limits',
} as const;

/** Message headers the swarm sets besides `Nats-Msg-Id` and the W3C trace context. */
export const HEADERS = {
  messageId: 'Nats-Msg-Id',
  goalId: 'Swarm-Goal-Id',
  taskId: 'Swarm-Task-Id',
  messageType: 'Swarm-Type',
  schemaVersion: 'Swarm-Schema-Version',
  publishedAt: 'Swarm-Published-At',
  /** Set by `swarm dlq replay` on the message it puts back: a tag that keeps the replay's events apart. */
  replay: 'Swarm-Replay',
  /**
   * Set by the transport on the tasks a task hands off: the goal's deadline as its sender read it (epoch ms), or
   * `none` when the goal's budget record has no deadline. Deadlines only ever move later, so a receiver that is
   * still before it runs the task without reading the budget record; past it (or without the header) it reads.
   */
  deadline: 'Swarm-Deadline',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;
