import type { JsMsg } from '@nats-io/jetstream';
import type { AgentRef, Envelope } from '@swarm/contracts';
import { decodePayload, HEADERS, SCHEMA_VERSION } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { fromMsgHdrs } from '../bus/bus-connection.js';
import type { HeaderRecord } from '../bus/codec.js';
import { publishMessage } from '../bus/publisher.js';
import type { GoalContext } from '../context/goal-context.js';
import { TRANSPORT_ERROR_CODES } from '../errors.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import type { DeadLetterer } from './dead-letterer.js';
import type { TaskRef } from './lifecycle-events.js';
import { claimedEvent, completedEvent, failedEvent, progressEvent } from './lifecycle-events.js';
import type { QueueBinding, TaskContext, TaskHandlerFn, TaskResult, TraceCarrier } from './queue-binding.js';
import { backoffDelay, decideSettlement } from './settlement.js';

/** A minimal logger (Nest's Logger fits). */
export interface TransportLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What a task runner needs. */
export interface TaskRunnerDeps {
  readonly bus: BusConnection;
  readonly settings: TransportSettings;
  readonly topology: BusTopology;
  readonly binding: QueueBinding;
  readonly agent: AgentRef;
  readonly handler: TaskHandlerFn;
  readonly deadLetterer: DeadLetterer;
  readonly goalContext: (goalId: string) => GoalContext;
  readonly logger: TransportLogger;
}

/** Handles of one running task, so a shutdown can abandon it at the deadline. */
export interface RunningTask {
  readonly done: Promise<void>;
  /**
   * Aborts the handler's signal and gives up settling the task; returns the message for the caller to hand
   * back (nak) once its own pulls are over, or undefined when the task had already been settled.
   */
  abandon(): JsMsg | undefined;
}

function traceOf(headers: HeaderRecord): TraceCarrier {
  return { traceparent: headers[HEADERS.traceparent]?.[0], tracestate: headers[HEADERS.tracestate]?.[0] };
}

/**
 * Runs one delivery of a task through its whole lifecycle: validate, announce the claim, keep the claim alive
 * with heartbeats, call the handler, then publish what it hands off and its completion (awaiting PubAcks) before
 * acking; or nak with backoff, or dead-letter and terminate. Every outcome is an event on the bus.
 */
export class TaskRunner {
  constructor(private readonly deps: TaskRunnerDeps) {}

  start(msg: JsMsg): RunningTask {
    const abort = new AbortController();
    let settled = false;
    const settleOnce = (settle: () => void) => {
      if (settled) return;
      settled = true;
      settle();
    };
    const done = this.run(msg, abort.signal, settleOnce).catch((error: unknown) => {
      this.deps.logger.error(
        `task ${msg.subject}#${msg.seq} could not be settled: ${(error as Error).message}`,
      );
      settleOnce(() => msg.nak(backoffDelay(this.deps.settings.backoffMs, msg.info.deliveryCount)));
    });
    return {
      done,
      abandon: () => {
        abort.abort(new Error('replica shutting down'));
        let handBack: JsMsg | undefined;
        settleOnce(() => {
          handBack = msg;
        });
        return handBack;
      },
    };
  }

  private async run(
    msg: JsMsg,
    signal: AbortSignal,
    settleOnce: (settle: () => void) => void,
  ): Promise<void> {
    const { binding, settings, deadLetterer } = this.deps;
    const started = Date.now();
    const headers = fromMsgHdrs(msg.headers);
    const trace = traceOf(headers);
    const deliveryCount = msg.info.deliveryCount;
    const source = {
      stream: binding.queue.stream,
      subject: msg.subject,
      streamSequence: msg.seq,
      consumer: binding.queue.durable,
    };

    const decoded = decodePayload(binding.schema, msg.data);
    if (!decoded.ok) {
      const code =
        decoded.problem.kind === 'not-json'
          ? TRANSPORT_ERROR_CODES.notJson
          : TRANSPORT_ERROR_CODES.invalidPayload;
      await deadLetterer.deadLetter({
        data: msg.data,
        headers,
        source,
        deliveryCount,
        reason: { code, message: decoded.problem.message, retryable: false },
        trace,
      });
      settleOnce(() => this.terminate(msg, decoded.problem.message));
      return;
    }

    const payload = decoded.value as Envelope;
    const task: TaskRef = {
      goalId: payload.goalId,
      taskId: payload.taskId,
      messageId: payload.messageId,
      queue: binding.queue.name,
      agent: this.deps.agent,
    };
    const claimed = this.publishEvent(
      task,
      claimedEvent(
        task,
        { deliveryCount, streamSequence: msg.seq, waitedMs: started - msg.time.getTime() },
        new Date(),
      ),
      trace,
    );
    claimed.catch(() => undefined); // awaited below; this only keeps a failure from being reported as unhandled
    const heartbeat = setInterval(() => msg.working(), settings.heartbeatMs);
    let result: TaskResult | void;
    try {
      result = await this.deps.handler(payload, this.context(msg, task, headers, trace, signal));
    } catch (error) {
      clearInterval(heartbeat);
      if (signal.aborted) return; // abandoned at the drain deadline: already handed back
      await claimed;
      await this.settleFailure(msg, task, payload, headers, trace, error, settleOnce);
      return;
    } finally {
      clearInterval(heartbeat);
    }
    if (signal.aborted) return;
    await claimed;
    const emit = result?.emit ?? [];
    await Promise.all(emit.map((outbound) => publishMessage(this.deps.bus, outbound, trace)));
    const completed = completedEvent(
      task,
      deliveryCount,
      {
        durationMs: Date.now() - started,
        output: result?.output ?? {},
        emitted: emit.map((o) => o.message.messageId),
      },
      new Date(),
    );
    await this.publishEvent(task, completed, trace);
    await this.ack(msg, settleOnce);
  }

  private async settleFailure(
    msg: JsMsg,
    task: TaskRef,
    payload: Envelope,
    headers: HeaderRecord,
    trace: TraceCarrier,
    error: unknown,
    settleOnce: (settle: () => void) => void,
  ): Promise<void> {
    const { settings } = this.deps;
    const deliveryCount = msg.info.deliveryCount;
    const settlement = decideSettlement({
      error,
      deliveryCount,
      maxDeliver: settings.maxDeliver,
      backoffMs: settings.backoffMs,
    });
    if (settlement.action === 'retry') {
      this.deps.logger.warn(
        `task ${task.taskId} attempt ${deliveryCount} failed (${settlement.error.code}): ${settlement.error.message}; retry in ${settlement.delayMs}ms`,
      );
      await this.publishEvent(
        task,
        failedEvent(
          task,
          deliveryCount,
          { error: settlement.error, retryInMs: settlement.delayMs, deadLetterId: null },
          new Date(),
        ),
        trace,
      );
      settleOnce(() => msg.nak(settlement.delayMs));
      return;
    }
    this.deps.logger.warn(
      `task ${task.taskId} dead-lettered (${settlement.reason.code}): ${settlement.reason.message}`,
    );
    await this.deps.deadLetterer.deadLetter({
      data: msg.data,
      headers,
      source: {
        stream: this.deps.binding.queue.stream,
        subject: msg.subject,
        streamSequence: msg.seq,
        consumer: this.deps.binding.queue.durable,
      },
      deliveryCount,
      reason: settlement.reason,
      known: { goalId: payload.goalId, taskId: payload.taskId, messageId: payload.messageId },
      trace,
    });
    settleOnce(() => this.terminate(msg, settlement.reason.message));
  }

  private async ack(msg: JsMsg, settleOnce: (settle: () => void) => void): Promise<void> {
    if (!this.deps.settings.confirmAcks) {
      settleOnce(() => msg.ack());
      return;
    }
    let confirmation: Promise<boolean> | undefined;
    settleOnce(() => {
      confirmation = msg.ackAck({ timeout: 5_000 });
    });
    if (confirmation) await confirmation;
  }

  private terminate(msg: JsMsg, reason: string): void {
    if (this.deps.bus.features.termReason) msg.term(reason.slice(0, 200));
    else msg.term();
  }

  private async publishEvent(
    task: TaskRef,
    event: Envelope & { type: string },
    trace: TraceCarrier,
  ): Promise<void> {
    const subject = this.deps.topology.eventSubject(
      task.goalId,
      event.type as Parameters<BusTopology['eventSubject']>[1],
    );
    await publishMessage(this.deps.bus, { subject, message: event }, trace);
  }

  private context(
    msg: JsMsg,
    task: TaskRef,
    headers: HeaderRecord,
    trace: TraceCarrier,
    signal: AbortSignal,
  ): TaskContext {
    let step = 0;
    const deliveryCount = msg.info.deliveryCount;
    return {
      queue: task.queue,
      subject: msg.subject,
      goalId: task.goalId,
      taskId: task.taskId,
      messageId: task.messageId,
      deliveryCount,
      streamSequence: msg.seq,
      agent: task.agent,
      headers,
      trace,
      signal,
      goal: this.deps.goalContext(task.goalId),
      heartbeat: () => msg.working(),
      publish: async (outbound) => {
        await publishMessage(this.deps.bus, outbound, trace);
      },
      progress: (message, fraction) =>
        this.publishEvent(
          task,
          progressEvent(task, deliveryCount, ++step, message, fraction, new Date()),
          trace,
        ),
      envelope: ({ messageId, taskId }) => ({
        schemaVersion: SCHEMA_VERSION,
        messageId,
        goalId: task.goalId,
        taskId: taskId ?? messageId,
        causationId: task.messageId,
        attempt: 1,
        timestamp: new Date().toISOString(),
      }),
    };
  }
}
