import type { Attributes } from '@opentelemetry/api';
import { context } from '@opentelemetry/api';
import type { JsMsg } from '@nats-io/jetstream';
import { HEADERS, SCHEMA_VERSION } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import type { HeaderRecord } from '../bus/codec.js';
import { publishMessage } from '../bus/publisher.js';
import { EffectLedger } from '../context/effect-ledger.js';
import type { GoalContext } from '../context/goal-context.js';
import { ATTR } from '../observability/attributes.js';
import { injectContext, inSpan } from '../observability/tracing.js';
import type { BusTopology } from '../topology.js';
import { recordGoalEnds } from './goal-end-evidence.js';
import type { TaskRef } from './lifecycle-events.js';
import { progressEvent } from './lifecycle-events.js';
import type { TaskContext, TraceCarrier } from './queue-binding.js';

/** The trace context of the running task: its `process` span when spans are recorded, else what it arrived with. */
function currentCarrier(incoming: TraceCarrier): TraceCarrier {
  const headers = injectContext(context.active(), {});
  const traceparent = headers[HEADERS.traceparent]?.[0];
  return traceparent ? { traceparent, tracestate: headers[HEADERS.tracestate]?.[0] } : incoming;
}

/** The task's own goal context; a task may end only its own goal. */
function ownGoalOnly(goal: GoalContext): (goalId: string) => GoalContext {
  return (goalId) => {
    if (goalId !== goal.goalId) throw new Error(`a task of goal ${goal.goalId} may not end goal ${goalId}`);
    return goal;
  };
}

/** Builds the context a handler gets for one delivery. Called inside the delivery's span. */
export function buildTaskContext(input: {
  readonly msg: JsMsg;
  readonly task: TaskRef;
  readonly headers: HeaderRecord;
  readonly incoming: TraceCarrier;
  readonly signal: AbortSignal;
  readonly bus: BusConnection;
  readonly goal: GoalContext;
  readonly topology: BusTopology;
}): TaskContext {
  const { msg, task, incoming, bus } = input;
  const deliveryCount = msg.info.deliveryCount;
  let step = 0;
  return {
    queue: task.queue,
    subject: msg.subject,
    goalId: task.goalId,
    taskId: task.taskId,
    messageId: task.messageId,
    deliveryCount,
    streamSequence: msg.seq,
    agent: task.agent,
    headers: input.headers,
    trace: currentCarrier(incoming),
    signal: input.signal,
    goal: input.goal,
    effects: new EffectLedger(input.goal, task.queue, { agent: task.agent, deliveryCount }, input.signal),
    heartbeat: () => msg.working(),
    publish: async (outbound) => {
      await recordGoalEnds(ownGoalOnly(input.goal), task.queue, [outbound]);
      await publishMessage(bus, outbound, incoming);
    },
    progress: async (message, fraction) => {
      const event = progressEvent(task, deliveryCount, ++step, message, fraction, new Date());
      await publishMessage(
        bus,
        { subject: input.topology.eventSubject(task.goalId, 'task.progress'), message: event },
        incoming,
      );
    },
    span: <T>(name: string, attributes: Attributes, fn: () => Promise<T>) =>
      inSpan(name, { [ATTR.goalId]: task.goalId, [ATTR.taskId]: task.taskId, ...attributes }, fn),
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
