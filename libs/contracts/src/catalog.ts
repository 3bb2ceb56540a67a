import type { z } from 'zod';
import { DeadLetterRecord } from './dead-letter.js';
import {
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
} from './events.js';
import { GoalSubmitted } from './goal.js';
import { RankTask, ReportTask, ScrapeTask } from './tasks.js';
import { STREAMS, SUBJECTS } from './topology.js';

/** One kind of message on the bus: its schema, where it travels, who sends and who reads it. */
export interface CatalogEntry {
  readonly type: string;
  readonly schema: z.ZodType;
  /** Subject, with `{goalId}` / `{queue}` placeholders where a token varies. */
  readonly address: string;
  readonly stream: string;
  readonly summary: string;
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
}

const eventAddress = (type: string) => `swarm.evt.{goalId}.${type}`;

/** Every message type on the bus. The JSON Schema files and `docs/asyncapi.yaml` are generated from this. */
export const MESSAGE_CATALOG: readonly CatalogEntry[] = [
  {
    type: 'goal.submitted',
    schema: GoalSubmitted,
    address: eventAddress('goal.submitted'),
    stream: STREAMS.events,
    summary:
      'A new goal. Publish it with Nats-Msg-Id = messageId to submit a goal; the search agent claims it.',
    producers: ['swarm CLI', 'any client'],
    consumers: ['search'],
  },
  {
    type: 'task.scrape',
    schema: ScrapeTask,
    address: SUBJECTS.task.scrape,
    stream: STREAMS.scrape,
    summary: 'Fetch and extract one candidate page (fan-out: one per candidate).',
    producers: ['search'],
    consumers: ['scraper'],
  },
  {
    type: 'task.rank',
    schema: RankTask,
    address: SUBJECTS.task.rank,
    stream: STREAMS.rank,
    summary:
      'Score and order the candidates; emitted by the scrape that fills the last slot of the join (repeats share its message id and are dropped).',
    producers: ['scraper'],
    consumers: ['ranker'],
  },
  {
    type: 'task.report',
    schema: ReportTask,
    address: SUBJECTS.task.report,
    stream: STREAMS.report,
    summary:
      'Write the comparison report and deliver it, after approval when the goal asks for it. Communications sends ' +
      'one more (`<goalId>/report.resume/<trigger>`) to resume a goal parked for approval.',
    producers: ['ranker', 'communications (resume)'],
    consumers: ['communications'],
  },
  {
    type: 'task.claimed',
    schema: TaskClaimed,
    address: eventAddress('task.claimed'),
    stream: STREAMS.events,
    summary: 'A replica claimed a task (one event per delivery).',
    producers: ['every agent (transport)'],
    consumers: ['swarm CLI', 'audit'],
  },
  {
    type: 'task.progress',
    schema: TaskProgress,
    address: eventAddress('task.progress'),
    stream: STREAMS.events,
    summary: 'A long task reports progress.',
    producers: ['every agent'],
    consumers: ['swarm CLI', 'audit'],
  },
  {
    type: 'task.completed',
    schema: TaskCompleted,
    address: eventAddress('task.completed'),
    stream: STREAMS.events,
    summary: 'A task succeeded; lists the tasks it emitted.',
    producers: ['every agent (transport)'],
    consumers: ['swarm CLI', 'audit'],
  },
  {
    type: 'task.failed',
    schema: TaskFailed,
    address: eventAddress('task.failed'),
    stream: STREAMS.events,
    summary: 'One attempt failed; says whether it will be retried or was dead-lettered.',
    producers: ['every agent (transport)'],
    consumers: ['swarm CLI', 'audit'],
  },
  {
    type: 'approval.requested',
    schema: ApprovalRequested,
    address: eventAddress('approval.requested'),
    stream: STREAMS.events,
    summary: 'The report waits for a human decision before delivery.',
    producers: ['communications'],
    consumers: ['swarm CLI', 'humans'],
  },
  {
    type: 'approval.granted',
    schema: ApprovalGranted,
    address: eventAddress('approval.granted'),
    stream: STREAMS.events,
    summary:
      'An approver approved delivery: the audit record of the one decision that counted, published by communications; `by` is the approver identity from the decision key (the authenticated NATS user). Clients decide by creating the KV key `<goalId>.decision.<user>`, not by publishing this.',
    producers: ['communications'],
    consumers: ['swarm CLI', 'audit', 'any client'],
  },
  {
    type: 'approval.rejected',
    schema: ApprovalRejected,
    address: eventAddress('approval.rejected'),
    stream: STREAMS.events,
    summary:
      'An approver rejected the report, with a comment: the audit record of the one decision that counted, published by communications; `by` is the approver identity from the decision key (the authenticated NATS user). Clients decide by creating the KV key `<goalId>.decision.<user>`, not by publishing this.',
    producers: ['communications'],
    consumers: ['swarm CLI', 'audit', 'any client'],
  },
  {
    type: 'goal.completed',
    schema: GoalCompleted,
    address: eventAddress('goal.completed'),
    stream: STREAMS.events,
    summary: 'The goal ended: delivered, nothing found, rejected, or approval expired.',
    producers: ['search', 'communications'],
    consumers: ['swarm CLI', 'any client'],
  },
  {
    type: 'goal.failed',
    schema: GoalFailed,
    address: eventAddress('goal.failed'),
    stream: STREAMS.events,
    summary: 'The goal cannot finish (invalid input or a step failed for good).',
    producers: ['every agent'],
    consumers: ['swarm CLI', 'any client'],
  },
  {
    type: 'budget.exhausted',
    schema: BudgetExhausted,
    address: eventAddress('budget.exhausted'),
    stream: STREAMS.events,
    summary:
      "A goal's budget could not cover the next model call, or its deadline passed: what ran out, spent against " +
      'the limits, the policy (`pause`, `degrade`, `fail`) and, under `pause`, how to resume. Published once per ' +
      'exhaustion by the replica whose compare-and-set marked the budget record (`<goalId>/budget.exhausted/<n>`).',
    producers: ['every agent (transport)'],
    consumers: ['swarm CLI', 'gateway', 'audit'],
  },
  {
    type: 'budget.added',
    schema: BudgetAdded,
    address: eventAddress('budget.added'),
    stream: STREAMS.events,
    summary:
      "A human added to a goal's budget (`swarm budget <goal> --add`): who, what, the limits after, the exhaustion " +
      'it cleared and the parked tasks it resumed. The addition is recorded in the budget record first.',
    producers: ['swarm CLI (operator)', 'gateway'],
    consumers: ['swarm CLI', 'gateway', 'audit'],
  },
  {
    type: 'dead-letter',
    schema: DeadLetterRecord,
    address: 'swarm.dlq.{queue}',
    stream: STREAMS.deadLetter,
    summary: 'A message the swarm gave up on: reason, original payload and headers, delivery count.',
    producers: ['every agent (transport)'],
    consumers: ['swarm CLI (dlq list / replay)'],
  },
];
