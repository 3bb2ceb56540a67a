import type { Attributes, Link, Span } from '@opentelemetry/api';
import { context } from '@opentelemetry/api';
import type { JsMsg } from '@nats-io/jetstream';
import type { AgentRef, Envelope, ModelUsage } from '@swarm/contracts';
import { HEADERS } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { fromMsgHdrs } from '../bus/bus-connection.js';
import type { HeaderRecord } from '../bus/codec.js';
import { publishGoalEvent, publishMessage } from '../bus/publisher.js';
import { exhaustionAnnouncer } from './exhaustion-announcer.js';
import type { GoalContext } from '../context/goal-context.js';
import { ATTR } from '../observability/attributes.js';
import { currentTaskScope, currentTaskUsage, runInTaskScope } from '../observability/task-scope.js';
import { recordAttemptUsage } from './attempt-usage.js';
import { recordGoalEnds } from './goal-end-evidence.js';
import type { KnownIds } from './intake.js';
import { checkIntake } from './intake.js';
import {
  contextWithSpan,
  extractContext,
  failSpan,
  linkFromTraceparent,
  startProcessSpan,
} from '../observability/tracing.js';
import { transportMetrics } from '../observability/transport-metrics.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import type { DeadLetterer } from './dead-letterer.js';
import { Delivery } from './delivery.js';
import type { TaskRef } from './lifecycle-events.js';
import { claimedEvent, completedEvent, eventIdBase, failedEvent } from './lifecycle-events.js';
import type { QueueBinding, TaskHandlerFn, TaskResult, TraceCarrier } from './queue-binding.js';
import { backoffDelay, decideSettlement, describeError } from './settlement.js';
import { buildTaskContext } from './task-context.js';
import { type BudgetedRun, withinBudget } from './task-budget.js';
import { handOffHeaders, parseDeadlineHint } from './deadline-hint.js';
import { supersededByReplay } from './replayed-delivery.js';
import { resumeIfToppedUp } from './parked-resume.js';
import { GoalBudgetLedger } from '../context/goal-budget-ledger.js';
import { budgetDefaults } from '../budget.settings.js';
import { BudgetExhaustedError } from '../errors.js';
import type { RateLimitStore } from '../rate-limit/rate-limit-store.js';

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
  /** The swarm-wide model rate limiters, put in every task's scope; absent: model calls are not rate limited. */
  readonly rateLimits?: RateLimitStore;
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
 * Runs one delivery of a task through its whole lifecycle inside a `process` span (child of the producer's
 * `send` span): validate, announce the claim, keep the claim alive with heartbeats, call the handler, then
 * publish what it hands off and its completion (awaiting PubAcks) before acking; or nak with backoff, or
 * dead-letter and terminate. Every outcome is an event on the bus, a span, and a metric.
 */
export class TaskRunner {
  /** The attributes of this runner's metrics: the agent kind and the queue. */
  readonly metricAttributes: Attributes;
  /** The work queues' filter subjects: a hand-off onto one carries `Swarm-Deadline`. */
  private readonly queueSubjects: readonly string[];

  constructor(private readonly deps: TaskRunnerDeps) {
    this.metricAttributes = { [ATTR.agentKind]: deps.agent.kind, [ATTR.queue]: deps.binding.queue.name };
    this.queueSubjects = Object.values(deps.topology.queues).map((queue) => queue.filterSubject);
  }

  start(msg: JsMsg): RunningTask {
    const { binding, agent, settings } = this.deps;
    // One controller per delivery: the drain deadline (abandon) and the goal's deadline both abort the handler's
    // signal; `abandoned` tells them apart. (AbortSignal.any over two controllers cost ~12 µs and GC per task.)
    const abort = new AbortController();
    let abandoned = false;
    const started = Date.now();
    const headers = fromMsgHdrs(msg.headers);
    const parent = extractContext(headers);
    const span = startProcessSpan(parent, msg.subject, {
      [ATTR.consumerGroup]: binding.queue.durable,
      [ATTR.stream]: binding.queue.stream,
      [ATTR.streamSequence]: msg.seq,
      [ATTR.deliveryCount]: msg.info.deliveryCount,
      [ATTR.bodySize]: msg.data.length,
      [ATTR.queue]: binding.queue.name,
      [ATTR.agentKind]: agent.kind,
      [ATTR.agentInstance]: agent.instance,
    });
    const spanContext = contextWithSpan(parent, span);
    const delivery = new Delivery(msg, spanContext, {
      confirmAcks: settings.confirmAcks,
      termReasons: this.deps.bus.features.termReason,
    });
    const metrics = transportMetrics();
    if (msg.info.deliveryCount === 1)
      metrics.handoffLatency.record(Math.max(0, started - msg.time.getTime()) / 1_000, this.metricAttributes);

    const done = context
      .with(spanContext, () => this.run(msg, headers, span, delivery, abort, () => abandoned, started))
      .catch((error: unknown) => {
        this.deps.logger.error(
          `task ${msg.subject}#${msg.seq} could not be settled: ${(error as Error).message}`,
        );
        failSpan(span, error);
        delivery.nak(backoffDelay(settings.backoffMs, msg.info.deliveryCount));
      })
      .finally(() => {
        metrics.duration.record((Date.now() - started) / 1_000, this.metricAttributes);
        span.end();
      });
    return {
      done,
      abandon: () => {
        abandoned = true;
        abort.abort(new Error('replica shutting down'));
        span.addEvent('abandoned at shutdown: handed back for another replica');
        return delivery.handBack();
      },
    };
  }

  private async run(
    msg: JsMsg,
    headers: HeaderRecord,
    span: Span,
    delivery: Delivery,
    abort: AbortController,
    abandoned: () => boolean,
    started: number,
  ): Promise<void> {
    const { binding } = this.deps;
    const incoming = traceOf(headers);
    const intake = checkIntake(binding.schema, binding.queue.filterSubject, msg.subject, msg.data);
    if (!intake.ok) {
      transportMetrics().failed.add(1, this.metricAttributes);
      await this.deadLetter(msg, headers, span, delivery, intake.reason, incoming, intake);
      return;
    }
    const payload = intake.payload;
    span.setAttributes({
      [ATTR.goalId]: payload.goalId,
      [ATTR.taskId]: payload.taskId,
      [ATTR.messageId]: payload.messageId,
    });
    const links = (binding.traceLinks?.(payload) ?? [])
      .map(linkFromTraceparent)
      .filter((l): l is Link => l !== undefined);
    if (links.length > 0) span.addLinks(links);
    const task: TaskRef = {
      goalId: payload.goalId,
      taskId: payload.taskId,
      messageId: payload.messageId,
      queue: binding.queue.name,
      agent: this.deps.agent,
      eventIdBase: eventIdBase(payload.taskId, headers),
    };
    const budget = new GoalBudgetLedger(
      this.deps.goalContext(task.goalId),
      budgetDefaults(this.deps.settings),
      Date.now,
      exhaustionAnnouncer(this.deps, { ...task, attempt: msg.info.deliveryCount }, incoming),
    );
    if (await supersededByReplay(msg, budget)) {
      span.addEvent('superseded by the replay of its parked dead letter');
      this.deps.logger.warn(
        `task ${task.taskId} superseded by the replay of its parked dead letter: not run again`,
      );
      await delivery.ack();
      return;
    }
    const { rateLimits } = this.deps;
    const scope = { goalId: task.goalId, taskId: task.taskId, queue: task.queue, budget, rateLimits };
    await runInTaskScope(scope, () =>
      this.runHandler(msg, headers, span, delivery, abort, abandoned, started, task, payload, incoming),
    );
  }

  private async runHandler(
    msg: JsMsg,
    headers: HeaderRecord,
    span: Span,
    delivery: Delivery,
    abort: AbortController,
    abandoned: () => boolean,
    started: number,
    task: TaskRef,
    payload: Envelope,
    incoming: TraceCarrier,
  ): Promise<void> {
    const { settings, bus } = this.deps;
    const deliveryCount = msg.info.deliveryCount;
    const claimed = this.publishEvent(
      claimedEvent(
        task,
        { deliveryCount, streamSequence: msg.seq, waitedMs: started - msg.time.getTime() },
        new Date(),
      ),
      incoming,
    );
    claimed.catch(() => undefined); // awaited below; this only keeps a failure from being reported as unhandled
    const heartbeat = setInterval(() => msg.working(), settings.heartbeatMs);
    const ctx = buildTaskContext({
      msg,
      task,
      headers,
      incoming,
      signal: abort.signal,
      bus,
      goal: this.deps.goalContext(task.goalId),
      topology: this.deps.topology,
    });
    let budgeted: BudgetedRun<TaskResult | void>;
    try {
      const hint = parseDeadlineHint(headers[HEADERS.deadline]);
      budgeted = await withinBudget(payload, abort, () => this.deps.handler(payload, ctx), hint);
    } catch (error) {
      clearInterval(heartbeat);
      if (abandoned()) return; // abandoned at the drain deadline: already handed back
      await claimed;
      const usage = await recordAttemptUsage(ctx.goal, task, deliveryCount).catch(() => currentTaskUsage());
      await this.settleFailure(msg, headers, span, delivery, task, error, incoming, usage);
      return;
    } finally {
      clearInterval(heartbeat);
    }
    if (abandoned()) return;
    const { result, deadlineHeader } = budgeted;
    const emit = result?.emit ?? [];
    const usage = await recordAttemptUsage(ctx.goal, task, deliveryCount);
    // A goal.completed/goal.failed goes out only with its evidence in the goal context (end.<queue>).
    await recordGoalEnds(this.deps.goalContext, task.queue, emit);
    const completed = completedEvent(
      task,
      deliveryCount,
      {
        durationMs: Date.now() - started,
        output: result?.output ?? {},
        emitted: emit.map((o) => o.message.messageId),
        ...(usage ? { usage } : {}),
      },
      new Date(),
    );
    // The claim, the hand-offs and the completion go out together; the ack waits for every PubAck.
    await Promise.all([
      claimed,
      ...emit.map((out) =>
        publishMessage(bus, out, incoming, handOffHeaders(out.subject, this.queueSubjects, deadlineHeader)),
      ),
      this.publishEvent(completed, incoming),
    ]);
    await delivery.ack();
    transportMetrics().processed.add(1, this.metricAttributes);
  }

  private async settleFailure(
    msg: JsMsg,
    headers: HeaderRecord,
    span: Span,
    delivery: Delivery,
    task: TaskRef,
    error: unknown,
    incoming: TraceCarrier,
    usage: ModelUsage | undefined,
  ): Promise<void> {
    const { settings } = this.deps;
    const deliveryCount = msg.info.deliveryCount;
    const settlement = decideSettlement({
      error,
      deliveryCount,
      maxDeliver: settings.maxDeliver,
      backoffMs: settings.backoffMs,
    });
    failSpan(span, error, describeError(error).code);
    transportMetrics().failed.add(1, this.metricAttributes);
    if (settlement.action === 'retry') {
      this.deps.logger.warn(
        `task ${task.taskId} attempt ${deliveryCount} failed (${settlement.error.code}): ${settlement.error.message}; retry in ${settlement.delayMs}ms`,
      );
      await this.publishEvent(
        failedEvent(
          task,
          deliveryCount,
          { error: settlement.error, retryInMs: settlement.delayMs, deadLetterId: null, usage },
          new Date(),
        ),
        incoming,
      );
      transportMetrics().retried.add(1, this.metricAttributes);
      delivery.nak(settlement.delayMs);
      return;
    }
    const parked = error instanceof BudgetExhaustedError && error.policy === 'pause';
    this.deps.logger.warn(
      `task ${task.taskId} ${parked ? 'parked until its budget grows' : 'dead-lettered'} (${settlement.reason.code}): ${settlement.reason.message}`,
    );
    await this.deadLetter(msg, headers, span, delivery, settlement.reason, incoming, {
      known: { goalId: task.goalId, taskId: task.taskId, messageId: task.messageId },
      usage,
      parked,
    });
  }

  private async deadLetter(
    msg: JsMsg,
    headers: HeaderRecord,
    span: Span,
    delivery: Delivery,
    reason: { code: string; message: string; retryable: boolean },
    incoming: TraceCarrier,
    options: {
      /** Ids the runner knows; the rest are sniffed from the message. */
      readonly known?: KnownIds;
      readonly usage?: ModelUsage;
      readonly mayFailGoal?: boolean;
      readonly parked?: boolean;
    } = {},
  ): Promise<void> {
    const { binding } = this.deps;
    const { known, usage, mayFailGoal, parked } = options;
    const record = await this.deps.deadLetterer.deadLetter({
      data: msg.data,
      headers,
      source: {
        stream: binding.queue.stream,
        subject: msg.subject,
        streamSequence: msg.seq,
        consumer: binding.queue.durable,
      },
      deliveryCount: msg.info.deliveryCount,
      reason,
      known,
      trace: incoming,
      usage,
      mayFailGoal,
      parked,
    });
    span.addEvent('dead-lettered', {
      'swarm.dead_letter.id': record.messageId,
      'swarm.dead_letter.reason': reason.code,
      'exception.message': reason.message,
    });
    failSpan(span, new Error(reason.message), reason.code);
    transportMetrics().deadLettered.add(1, this.metricAttributes);
    delivery.term(reason.message);
    const ledger = currentTaskScope()?.budget;
    if (parked && ledger && (await resumeIfToppedUp(this.deps.bus, ledger, msg, headers, record.messageId)))
      this.deps.logger.warn(
        `task ${msg.subject}#${msg.seq} resumed at once: its budget grew as it was parked`,
      );
  }

  private publishEvent(event: Envelope & { type: string }, incoming: TraceCarrier): Promise<void> {
    return publishGoalEvent(this.deps.bus, this.deps.topology, event, incoming);
  }
}
