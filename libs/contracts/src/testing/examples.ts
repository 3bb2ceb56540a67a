import type { z } from 'zod';
import type { DeadLetterRecord } from '../dead-letter.js';
import type {
  ApprovalGranted,
  ApprovalRejected,
  ApprovalRequested,
  BudgetAdded,
  BudgetExhausted,
  GoalCompleted,
  GoalFailed,
  TaskClaimed,
  TaskCompleted,
  TaskFailed,
  TaskProgress,
} from '../events.js';
import type { GoalSpecInput, GoalSubmitted } from '../goal.js';
import { goalFingerprint, messageIds } from '../ids.js';
import type { RankTask, ReportTask, ScrapeTask } from '../tasks.js';
import { HEADERS, QUEUES, STREAMS, SUBJECTS } from '../topology.js';
import { SCHEMA_VERSION } from '../version.js';

/** The goal id every example message belongs to. */
export const EXAMPLE_GOAL_ID = 'g-7f3a91c2';

/** The goal every example follows: what a user would send, defaults not applied. */
export const EXAMPLE_GOAL: GoalSpecInput = {
  text: 'TypeScript clients for NATS JetStream work queues with good docs',
  topN: 3,
  requireApproval: true,
  deliverTo: ['file'],
  submittedBy: 'alice@example.com',
};

/** One realistic message of every type in the catalog, as a producer sends it (the schemas' input shape). */
export interface ExampleMessages {
  readonly 'goal.submitted': z.input<typeof GoalSubmitted>;
  readonly 'task.scrape': z.input<typeof ScrapeTask>;
  readonly 'task.rank': z.input<typeof RankTask>;
  readonly 'task.report': z.input<typeof ReportTask>;
  readonly 'task.claimed': z.input<typeof TaskClaimed>;
  readonly 'task.progress': z.input<typeof TaskProgress>;
  readonly 'task.completed': z.input<typeof TaskCompleted>;
  readonly 'task.failed': z.input<typeof TaskFailed>;
  readonly 'approval.requested': z.input<typeof ApprovalRequested>;
  readonly 'approval.granted': z.input<typeof ApprovalGranted>;
  readonly 'approval.rejected': z.input<typeof ApprovalRejected>;
  readonly 'goal.completed': z.input<typeof GoalCompleted>;
  readonly 'goal.failed': z.input<typeof GoalFailed>;
  readonly 'budget.exhausted': z.input<typeof BudgetExhausted>;
  readonly 'budget.added': z.input<typeof BudgetAdded>;
  readonly 'dead-letter': z.input<typeof DeadLetterRecord>;
}

const goalId = EXAMPLE_GOAL_ID;
const submittedId = messageIds.goalSubmitted(goalId, goalFingerprint(EXAMPLE_GOAL));
const searchTaskId = messageIds.searchTask(goalId);
const scrapeTaskId = messageIds.scrapeTask(goalId, 0);
const failedScrapeTaskId = messageIds.scrapeTask(goalId, 1);
const rankTaskId = messageIds.rankTask(goalId);
const reportTaskId = messageIds.reportTask(goalId);
/** The envelope fields in their documented order. */
function envelope(fields: {
  readonly messageId: string;
  readonly taskId: string;
  readonly causationId: string | null;
  readonly timestamp: string;
  readonly attempt?: number;
}) {
  const { messageId, taskId, causationId, timestamp, attempt = 1 } = fields;
  return { schemaVersion: SCHEMA_VERSION, messageId, goalId, taskId, causationId, attempt, timestamp };
}

const scraper = { kind: QUEUES.scrape.agent, instance: 'scraper-6d9f7c-2' };

const scrapeTask: ExampleMessages['task.scrape'] = {
  type: 'task.scrape',
  ...envelope({
    messageId: scrapeTaskId,
    taskId: scrapeTaskId,
    causationId: submittedId,
    timestamp: '2025-11-21T09:30:02.410Z',
  }),
  candidate: {
    id: '@nats-io/jetstream',
    name: '@nats-io/jetstream',
    summary: 'JetStream client for the NATS JavaScript clients',
    url: 'https://github.com/nats-io/nats.js/tree/main/jetstream',
    repository: 'github:nats-io/nats.js',
    keywords: ['nats', 'jetstream', 'messaging'],
    monthlyDownloads: 412_000,
    license: 'Apache-2.0',
    version: '3.2.0',
    lastPublished: '2025-10-02',
    searchScore: 0.93,
  },
  candidateIndex: 0,
  candidateCount: 3,
};

/** The example task a dead-letter record captured, byte for byte. */
const deadLetteredPayload = JSON.stringify({
  ...scrapeTask,
  messageId: failedScrapeTaskId,
  taskId: failedScrapeTaskId,
  candidate: {
    ...scrapeTask.candidate,
    id: 'nats',
    name: 'nats',
    summary: 'Node.js client for NATS',
    url: 'https://github.com/nats-io/nats.js',
    keywords: ['nats', 'messaging'],
    monthlyDownloads: 1_250_000,
    version: '2.29.3',
    searchScore: 0.81,
  },
  candidateIndex: 1,
});

/** One realistic message of every catalog type, all for the same goal (`EXAMPLE_GOAL_ID`). */
export const exampleMessages: ExampleMessages = {
  'goal.submitted': {
    type: 'goal.submitted',
    ...envelope({
      messageId: submittedId,
      taskId: searchTaskId,
      causationId: null,
      timestamp: '2025-11-21T09:30:00.000Z',
    }),
    goal: EXAMPLE_GOAL,
  },
  'task.scrape': scrapeTask,
  'task.rank': {
    type: 'task.rank',
    ...envelope({
      messageId: rankTaskId,
      taskId: rankTaskId,
      causationId: messageIds.scrapeTask(goalId, 2),
      timestamp: '2025-11-21T09:30:09.118Z',
    }),
    query: EXAMPLE_GOAL.text,
    topN: 3,
    contributions: [
      { taskId: scrapeTaskId, candidateId: '@nats-io/jetstream', ok: true },
      { taskId: failedScrapeTaskId, candidateId: 'nats', ok: false },
      {
        taskId: messageIds.scrapeTask(goalId, 2),
        candidateId: '@nestjs/microservices',
        ok: true,
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
    ],
  },
  'task.report': {
    type: 'task.report',
    ...envelope({
      messageId: reportTaskId,
      taskId: reportTaskId,
      causationId: rankTaskId,
      timestamp: '2025-11-21T09:30:10.502Z',
    }),
    query: EXAMPLE_GOAL.text,
    rankingArtifact: `${goalId}/ranking.json`,
    requireApproval: true,
    deliverTo: ['file'],
  },
  'task.claimed': {
    type: 'task.claimed',
    ...envelope({
      messageId: messageIds.claimed(scrapeTaskId, 1),
      taskId: scrapeTaskId,
      causationId: scrapeTaskId,
      timestamp: '2025-11-21T09:30:02.431Z',
    }),
    queue: QUEUES.scrape.name,
    agent: scraper,
    deliveryCount: 1,
    streamSequence: 41,
    waitedMs: 21,
  },
  'task.progress': {
    type: 'task.progress',
    ...envelope({
      messageId: messageIds.progress(scrapeTaskId, 1, 1),
      taskId: scrapeTaskId,
      causationId: scrapeTaskId,
      timestamp: '2025-11-21T09:30:03.020Z',
    }),
    queue: QUEUES.scrape.name,
    agent: scraper,
    message: 'fetched the readme (14 KB), extracting',
    fraction: 0.5,
  },
  'task.completed': {
    type: 'task.completed',
    ...envelope({
      messageId: messageIds.completed(searchTaskId),
      taskId: searchTaskId,
      causationId: submittedId,
      timestamp: '2025-11-21T09:30:02.415Z',
    }),
    queue: QUEUES.search.name,
    agent: { kind: QUEUES.search.agent, instance: 'search-58b4d-1' },
    durationMs: 2_380,
    output: { candidates: 3 },
    emitted: [scrapeTaskId, failedScrapeTaskId, messageIds.scrapeTask(goalId, 2)],
  },
  'task.failed': {
    type: 'task.failed',
    ...envelope({
      messageId: messageIds.failed(failedScrapeTaskId, 1),
      taskId: failedScrapeTaskId,
      causationId: failedScrapeTaskId,
      timestamp: '2025-11-21T09:30:12.447Z',
    }),
    queue: QUEUES.scrape.name,
    agent: scraper,
    deliveryCount: 1,
    error: {
      code: 'FETCH_TIMEOUT',
      message: 'fetch of the readme timed out after 10000 ms',
      retryable: true,
    },
    willRetry: true,
    retryInMs: 1_000,
    deadLetterId: null,
  },
  'approval.requested': {
    type: 'approval.requested',
    ...envelope({
      messageId: messageIds.approvalRequested(goalId),
      taskId: reportTaskId,
      causationId: reportTaskId,
      timestamp: '2025-11-21T09:30:14.000Z',
    }),
    reportArtifact: `${goalId}/report.preview.md`,
    summary: '3 candidates compared; @nats-io/jetstream ranks first.',
    expiresAt: '2025-11-22T09:30:14.000Z',
  },
  'approval.granted': {
    type: 'approval.granted',
    ...envelope({
      messageId: messageIds.approvalDecided(goalId),
      taskId: reportTaskId,
      causationId: messageIds.approvalRequested(goalId),
      timestamp: '2025-11-21T09:41:55.000Z',
    }),
    by: 'alice',
    comment: 'looks right, send it',
  },
  'approval.rejected': {
    type: 'approval.rejected',
    ...envelope({
      messageId: messageIds.approvalDecided(goalId),
      taskId: reportTaskId,
      causationId: messageIds.approvalRequested(goalId),
      timestamp: '2025-11-21T09:41:55.000Z',
    }),
    by: 'alice',
    comment: 'the report misses licensing details',
  },
  'goal.completed': {
    type: 'goal.completed',
    ...envelope({
      messageId: messageIds.goalCompleted(goalId),
      taskId: reportTaskId,
      causationId: messageIds.approvalDecided(goalId),
      timestamp: '2025-11-21T09:41:56.210Z',
    }),
    queue: QUEUES.report.name,
    agent: { kind: QUEUES.report.agent, instance: 'communications-5b8c4d-1' },
    outcome: 'delivered',
    summary: 'Report delivered to file.',
    reportArtifact: `${goalId}/report.md`,
    deliveredTo: ['file'],
  },
  'goal.failed': {
    type: 'goal.failed',
    ...envelope({
      messageId: messageIds.goalFailed(goalId),
      taskId: searchTaskId,
      causationId: messageIds.failed(searchTaskId, 5),
      timestamp: '2025-11-21T09:35:40.000Z',
      attempt: 5,
    }),
    queue: QUEUES.search.name,
    agent: { kind: QUEUES.search.agent, instance: 'search-58b4d-1' },
    reason: {
      code: 'SEARCH_UNAVAILABLE',
      message: 'package search answered 503 on all 5 attempts',
      retryable: false,
    },
    deadLetterId: messageIds.deadLetter(STREAMS.events, 17),
  },
  'budget.exhausted': {
    type: 'budget.exhausted',
    ...envelope({
      messageId: messageIds.budgetExhausted(goalId, 1),
      taskId: rankTaskId,
      causationId: rankTaskId,
      timestamp: '2025-11-21T09:33:10.000Z',
    }),
    queue: QUEUES.rank.name,
    agent: { kind: QUEUES.rank.agent, instance: 'ranker-7c9e1-1' },
    exhaustion: 1,
    shortfall: 'costUsd',
    reason: 'costUsd budget 0.5 cannot cover the next call (0.4875 spent or reserved, 0.0312 estimated)',
    policy: 'pause',
    limits: { costUsd: 0.5, tokens: 200_000 },
    spent: { costUsd: 0.4875, tokens: 148_200, modelCalls: 17 },
    reserved: { costUsd: 0, tokens: 0, modelCalls: 0 },
    left: { costUsd: 0.0125, tokens: 51_800 },
    deadlineAt: '2025-11-21T09:40:00.000Z',
    resumeHint: `swarm budget ${goalId} --add cost=0.5`,
  },
  'budget.added': {
    type: 'budget.added',
    ...envelope({
      messageId: messageIds.budgetAdded(goalId, 1),
      taskId: messageIds.budgetAdded(goalId, 1),
      causationId: messageIds.budgetExhausted(goalId, 1),
      timestamp: '2025-11-21T09:36:02.000Z',
    }),
    by: 'alice',
    add: { costUsd: 0.25 },
    addition: 1,
    limits: { costUsd: 0.75, tokens: 200_000 },
    spent: { costUsd: 0.4875, tokens: 148_200, modelCalls: 17 },
    left: { costUsd: 0.2625, tokens: 51_800 },
    deadlineAt: '2025-11-21T09:40:00.000Z',
    cleared: 'costUsd budget 0.5 cannot cover the next call (0.4875 spent or reserved, 0.0312 estimated)',
    resumed: [messageIds.deadLetter(STREAMS.rank, 3)],
  },
  'dead-letter': {
    type: 'dead-letter',
    ...envelope({
      messageId: messageIds.deadLetter(STREAMS.scrape, 42),
      taskId: failedScrapeTaskId,
      causationId: failedScrapeTaskId,
      timestamp: '2025-11-21T09:31:30.000Z',
      attempt: 5,
    }),
    queue: QUEUES.scrape.name,
    reason: {
      code: 'MAX_DELIVERIES',
      message: 'task.scrape was delivered 5 times without success',
      retryable: false,
    },
    source: {
      stream: STREAMS.scrape,
      subject: SUBJECTS.task.scrape,
      streamSequence: 42,
      consumer: QUEUES.scrape.durable,
    },
    deliveryCount: 5,
    payload: {
      encoding: 'utf8',
      data: deadLetteredPayload,
      bytes: new TextEncoder().encode(deadLetteredPayload).length,
      truncated: false,
    },
    headers: {
      [HEADERS.messageId]: [failedScrapeTaskId],
      [HEADERS.goalId]: [goalId],
      [HEADERS.taskId]: [failedScrapeTaskId],
      [HEADERS.messageType]: ['task.scrape'],
      [HEADERS.schemaVersion]: [String(SCHEMA_VERSION)],
    },
  },
};

/**
 * A fresh deep copy of the example message of `type` (safe to mutate in a test), or `undefined` when the catalog
 * has no such type.
 */
export function exampleMessage(type: string): Record<string, unknown> | undefined {
  if (!Object.hasOwn(exampleMessages, type)) return undefined;
  const example = (exampleMessages as unknown as Readonly<Record<string, object>>)[type];
  return structuredClone(example) as Record<string, unknown>;
}
