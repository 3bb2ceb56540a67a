import { trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { pino } from 'pino';

/** Fields a caller adds to every line logged inside a task (e.g. `goal_id`, `task_id`). */
export type ContextFields = () => Record<string, string> | undefined;

/**
 * JSON logs (pino) on stdout. Every line logged while a span is active carries `trace_id` and `span_id`, and
 * whatever `contextFields` returns (the agent passes the current task's `goal_id`), so logs and traces agree.
 */
export function createLogger(options: {
  readonly name: string;
  readonly level: string;
  readonly base?: Record<string, string>;
  readonly contextFields?: ContextFields;
  readonly destination?: NodeJS.WritableStream;
}): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const span = trace.getActiveSpan()?.spanContext();
        const fields = options.contextFields?.() ?? {};
        return span && trace.isSpanContextValid(span)
          ? { trace_id: span.traceId, span_id: span.spanId, ...fields }
          : fields;
      },
    },
    options.destination ?? process.stdout,
  );
}
