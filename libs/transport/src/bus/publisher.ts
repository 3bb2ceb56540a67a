import { context, SpanKind } from '@opentelemetry/api';
import { HEADERS, SCHEMA_VERSION } from '@swarm/contracts';
import { ATTR, NATS } from '../observability/attributes.js';
import { injectContext, inSpan } from '../observability/tracing.js';
import type { OutboundMessage, TraceCarrier } from '../queue/queue-binding.js';
import type { BusTopology } from '../topology.js';
import type { BusConnection, PublishAck } from './bus-connection.js';
import type { HeaderRecord } from './codec.js';
import { encodeJson } from './codec.js';

/** The headers every swarm message carries: ids, type, schema version and publish time. */
export function messageHeaders(message: OutboundMessage['message']): HeaderRecord {
  return {
    [HEADERS.goalId]: [message.goalId],
    [HEADERS.taskId]: [message.taskId],
    [HEADERS.messageType]: [message.type],
    [HEADERS.schemaVersion]: [String(SCHEMA_VERSION)],
    [HEADERS.publishedAt]: [new Date().toISOString()],
  };
}

/**
 * Publishes a swarm message with its deterministic id as `Nats-Msg-Id`, awaiting the PubAck, inside a `send`
 * producer span whose context travels in the headers (W3C `traceparent`). When nothing records spans, the
 * `fallback` trace context (the one the current task arrived with) is passed on unchanged. `extra`: more headers
 * the transport sets (a hand-off's `Swarm-Deadline`).
 */
export function publishMessage(
  bus: BusConnection,
  outbound: OutboundMessage,
  fallback: TraceCarrier = {},
  extra?: HeaderRecord,
): Promise<PublishAck> {
  const { message, subject } = outbound;
  const attributes = {
    [ATTR.messagingSystem]: NATS,
    [ATTR.operationType]: 'send',
    [ATTR.operationName]: 'publish',
    [ATTR.destination]: subject,
    [ATTR.messageId]: message.messageId,
    [ATTR.messageType]: message.type,
    [ATTR.goalId]: message.goalId,
    [ATTR.taskId]: message.taskId,
  };
  return inSpan(
    `send ${subject}`,
    attributes,
    () => {
      const headers = injectContext(context.active(), { ...messageHeaders(message), ...extra });
      if (!headers[HEADERS.traceparent] && fallback.traceparent) {
        headers[HEADERS.traceparent] = [fallback.traceparent];
        if (fallback.tracestate) headers[HEADERS.tracestate] = [fallback.tracestate];
      }
      return bus.publish(subject, encodeJson(message), message.messageId, headers);
    },
    SpanKind.PRODUCER,
  );
}

/** Publishes a goal's event (its `type` names it) on the goal's event subject, as `publishMessage` does. */
export async function publishGoalEvent(
  bus: BusConnection,
  topology: Pick<BusTopology, 'eventSubject'>,
  event: OutboundMessage['message'],
  fallback: TraceCarrier = {},
): Promise<void> {
  const subject = topology.eventSubject(
    event.goalId,
    event.type as Parameters<BusTopology['eventSubject']>[1],
  );
  await publishMessage(bus, { subject, message: event }, fallback);
}
