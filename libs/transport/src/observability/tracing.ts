import type { Attributes, Context, Link, Span } from '@opentelemetry/api';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { HeaderRecord } from '../bus/codec.js';
import { ATTR, NATS } from './attributes.js';
import { headerGetter, headerSetter } from './header-carrier.js';

/** The transport's tracer (a no-op until the service starts a tracer provider). */
export const tracer = trace.getTracer('@swarm/transport', '0.1.0');

/** The trace context carried by a message's headers (the producer's send span), or the root context. */
export function extractContext(headers: HeaderRecord): Context {
  return propagation.extract(ROOT_CONTEXT, headers, headerGetter);
}

/** Writes the context's span (and baggage) into headers as `traceparent`/`tracestate`/`baggage`. */
export function injectContext(ctx: Context, headers: HeaderRecord): HeaderRecord {
  propagation.inject(ctx, headers, headerSetter);
  return headers;
}

/** A link to the span a `traceparent` names; undefined when it is missing or malformed. */
export function linkFromTraceparent(traceparent: string | undefined): Link | undefined {
  if (!traceparent) return undefined;
  const spanContext = trace.getSpanContext(
    propagation.extract(ROOT_CONTEXT, { traceparent: [traceparent] }, headerGetter),
  );
  return spanContext && trace.isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}

/** Starts the `process` consumer span of one delivery, child of the producer's context. */
export function startProcessSpan(parent: Context, subject: string, attributes: Attributes): Span {
  return tracer.startSpan(
    `process ${subject}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        [ATTR.messagingSystem]: NATS,
        [ATTR.operationType]: 'process',
        [ATTR.operationName]: 'process',
        [ATTR.destination]: subject,
        ...attributes,
      },
    },
    parent,
  );
}

/** Writes how a delivery was settled on its `process` span (the span the context holds). */
export function markSettlement(delivery: Context, operation: 'ack' | 'nak' | 'term'): void {
  trace.getSpan(delivery)?.setAttribute(ATTR.settlement, operation);
}

/** Records a settlement (`ack`, `nak`, `term`) as a short `settle` span under the delivery's span. */
export function recordSettlement(
  parent: Context,
  operation: 'ack' | 'nak' | 'term',
  subject: string,
  attributes: Attributes = {},
): Span {
  return tracer.startSpan(
    `${operation} ${subject}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR.messagingSystem]: NATS,
        [ATTR.operationType]: 'settle',
        [ATTR.operationName]: operation,
        [ATTR.destination]: subject,
        ...attributes,
      },
    },
    parent,
  );
}

/** Marks a span as failed with the error's type and message. */
export function failSpan(span: Span, error: unknown, code?: string): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setAttribute(ATTR.errorType, code ?? err.name);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}

/** Runs `fn` in a child span of the active context; the span ends when it settles, failed if it throws. */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      failSpan(span, error, (error as { code?: unknown }).code as string | undefined);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active context with `span` set: handlers run inside it so their spans and logs nest under it. */
export function contextWithSpan(parent: Context, span: Span): Context {
  return trace.setSpan(parent, span);
}

/** The current context (for code that captures it to run later). */
export const activeContext = (): Context => context.active();
