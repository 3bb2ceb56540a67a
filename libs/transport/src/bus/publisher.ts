import { HEADERS, SCHEMA_VERSION } from '@swarm/contracts';
import type { OutboundMessage, TraceCarrier } from '../queue/queue-binding.js';
import type { BusConnection, PublishAck } from './bus-connection.js';
import type { HeaderRecord } from './codec.js';
import { encodeJson } from './codec.js';

/** The headers every swarm message carries: ids, type, schema version, publish time and trace context. */
export function messageHeaders(message: OutboundMessage['message'], trace: TraceCarrier = {}): HeaderRecord {
  const headers: HeaderRecord = {
    [HEADERS.goalId]: [message.goalId],
    [HEADERS.taskId]: [message.taskId],
    [HEADERS.messageType]: [message.type],
    [HEADERS.schemaVersion]: [String(SCHEMA_VERSION)],
    [HEADERS.publishedAt]: [new Date().toISOString()],
  };
  if (trace.traceparent) headers[HEADERS.traceparent] = [trace.traceparent];
  if (trace.tracestate) headers[HEADERS.tracestate] = [trace.tracestate];
  return headers;
}

/** Publishes a swarm message with its deterministic id as `Nats-Msg-Id`, awaiting the PubAck. */
export function publishMessage(
  bus: BusConnection,
  outbound: OutboundMessage,
  trace?: TraceCarrier,
): Promise<PublishAck> {
  return bus.publish(
    outbound.subject,
    encodeJson(outbound.message),
    outbound.message.messageId,
    messageHeaders(outbound.message, trace),
  );
}
