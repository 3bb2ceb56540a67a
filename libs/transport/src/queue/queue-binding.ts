import type { Attributes } from '@opentelemetry/api';
import type { AgentRef, DeadLetterRecord, Envelope, ErrorInfo, QueueSpec } from '@swarm/contracts';
import type { z } from 'zod';
import type { HeaderRecord } from '../bus/codec.js';
import type { SideEffects } from '../context/effect-ledger.js';
import type { GoalContext } from '../context/goal-context.js';

/** A queue plus the schema its tasks must pass before a handler sees them. */
export interface QueueBinding<S extends z.ZodType = z.ZodType> {
  readonly queue: QueueSpec;
  readonly schema: S;
  /**
   * Whether a dead-lettered task of this queue fails its whole goal (a `goal.failed` event): always, never, or
   * depending on the reason (e.g. not for an impostor reusing another goal's id).
   */
  readonly failsGoalOnDeadLetter: boolean | ((reason: ErrorInfo) => boolean);
  /** Trace contexts (`traceparent`s) a task of this queue links its `process` span to (e.g. a join's inputs). */
  readonly traceLinks?: (payload: z.output<S>) => readonly (string | undefined)[];
}

/** Binds a queue from the contracts to its task schema. */
export function defineQueue<S extends z.ZodType>(
  queue: QueueSpec,
  schema: S,
  options: {
    failsGoalOnDeadLetter?: boolean | ((reason: ErrorInfo) => boolean);
    traceLinks?: (payload: z.output<S>) => readonly (string | undefined)[];
  } = {},
): QueueBinding<S> {
  return {
    queue,
    schema,
    failsGoalOnDeadLetter: options.failsGoalOnDeadLetter ?? false,
    ...(options.traceLinks ? { traceLinks: options.traceLinks } : {}),
  };
}

/** A message a handler hands off: published with `Nats-Msg-Id = message.messageId` before the task is acked. */
export interface OutboundMessage {
  readonly subject: string;
  readonly message: Envelope & { readonly type: string };
}

/** What a handler returns: a summary for the completion event and the messages it hands off. */
export interface TaskResult {
  readonly output?: Record<string, unknown>;
  readonly emit?: readonly OutboundMessage[];
}

/** W3C trace context carried in the message headers. */
export interface TraceCarrier {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** What a handler gets besides the typed payload. */
export interface TaskContext {
  readonly queue: string;
  readonly subject: string;
  readonly goalId: string;
  readonly taskId: string;
  readonly messageId: string;
  /** 1 on the first delivery; grows with each redelivery. */
  readonly deliveryCount: number;
  readonly streamSequence: number;
  readonly agent: AgentRef;
  readonly headers: Readonly<HeaderRecord>;
  readonly trace: TraceCarrier;
  /** Aborted when the replica shuts down and the drain deadline has passed. */
  readonly signal: AbortSignal;
  /** The goal's shared context (KV) and artifacts (object store). */
  readonly goal: GoalContext;
  /**
   * The goal's side-effect ledger: every tool call with an effect outside the bus (a delivery, a payment, a mail)
   * goes through `effects.perform`, so a redelivered task reuses the recorded result instead of acting again.
   */
  readonly effects: SideEffects;
  /** Tells the server the task is still being worked on (also sent automatically every heartbeatMs). */
  heartbeat(): void;
  /** Publishes a `task.progress` event. */
  progress(message: string, fraction?: number): Promise<void>;
  /**
   * Publishes a message now, before the task completes (e.g. an approval request a handler then waits on),
   * awaiting its PubAck. Give it a deterministic `messageId`: a redelivered handler publishes it again.
   */
  publish(outbound: OutboundMessage): Promise<void>;
  /**
   * Runs `fn` in a child span of this task's `process` span (e.g. an HTTP fetch, an index query, a delivery);
   * the span fails if `fn` throws.
   */
  span<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T>;
  /** The envelope of a message this task causes: same goal, causation = this message, attempt 1. */
  envelope(ids: { readonly messageId: string; readonly taskId?: string }): Envelope;
}

/** A task handler: typed payload in, result out. Throw TaskError to choose retry or dead-letter. */
export type TaskHandlerFn<T = unknown> = (payload: T, ctx: TaskContext) => Promise<TaskResult | void>;

/** What a dead-letter hook gets: the record and the goal context (when the goal is known). */
export interface DeadLetterContext {
  readonly record: DeadLetterRecord;
  readonly goal: GoalContext | undefined;
  readonly agent: AgentRef;
  envelope(ids: { readonly messageId: string; readonly taskId?: string }): Envelope;
}

/** Runs after a task of the queue was dead-lettered (for example, to count a failed scrape in a join). */
export type DeadLetterHookFn = (
  record: DeadLetterRecord,
  ctx: DeadLetterContext,
) => Promise<TaskResult | void>;
