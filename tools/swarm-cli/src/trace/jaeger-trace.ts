import { z } from 'zod';

const Tag = z.object({ key: z.string(), type: z.string().optional(), value: z.unknown() });
const Reference = z.object({ refType: z.string(), traceID: z.string(), spanID: z.string() });
const Span = z.object({
  traceID: z.string(),
  spanID: z.string(),
  operationName: z.string(),
  references: z.array(Reference).nullish(),
  startTime: z.number(),
  duration: z.number(),
  tags: z.array(Tag).nullish(),
  logs: z.array(z.object({ timestamp: z.number().optional(), fields: z.array(Tag).nullish() })).nullish(),
  processID: z.string(),
});
/** The Jaeger query API's `GET /api/traces` response (the shape Jaeger v1 and v2 serve to their UI). */
export const JaegerTracesResponse = z.object({
  data: z
    .array(
      z.object({
        traceID: z.string(),
        spans: z.array(Span),
        processes: z.record(z.string(), z.object({ serviceName: z.string() }).passthrough()),
      }),
    )
    .nullish(),
  errors: z.array(z.object({ code: z.number().optional(), msg: z.string() })).nullish(),
});
/** A Jaeger traces response. */
export type JaegerTracesResponse = z.infer<typeof JaegerTracesResponse>;

/** One row of the waterfall: a span placed under its parent, with its offset from the trace start. */
export interface WaterfallRow {
  readonly depth: number;
  readonly service: string;
  readonly operation: string;
  readonly offsetMs: number;
  readonly durationMs: number;
  readonly error: boolean;
  /** Spans this one links to (FOLLOWS_FROM), e.g. the scrapes a rank task joined. */
  readonly links: number;
  readonly events: readonly string[];
}

/** A trace as a waterfall. */
export interface Waterfall {
  readonly traceId: string;
  readonly durationMs: number;
  readonly rows: readonly WaterfallRow[];
}

function tag(span: z.infer<typeof Span>, key: string): unknown {
  return span.tags?.find((t) => t.key === key)?.value;
}

/**
 * Turns the first trace of a Jaeger response into a waterfall: spans depth-first under their CHILD_OF parent,
 * siblings by start time; spans whose parent is missing start at the top. Pure.
 */
export function toWaterfall(response: JaegerTracesResponse): Waterfall | undefined {
  const trace = response.data?.[0];
  if (!trace || trace.spans.length === 0) return undefined;
  const start = Math.min(...trace.spans.map((s) => s.startTime));
  const end = Math.max(...trace.spans.map((s) => s.startTime + s.duration));
  const ids = new Set(trace.spans.map((s) => s.spanID));
  const parentOf = (s: z.infer<typeof Span>) =>
    s.references?.find((r) => r.refType === 'CHILD_OF' && ids.has(r.spanID))?.spanID;
  const children = new Map<string | undefined, z.infer<typeof Span>[]>();
  for (const span of trace.spans) {
    const parent = parentOf(span);
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const rows: WaterfallRow[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    for (const span of [...(children.get(parent) ?? [])].sort((a, b) => a.startTime - b.startTime)) {
      const error = tag(span, 'error') === true || tag(span, 'otel.status_code') === 'ERROR';
      rows.push({
        depth,
        service: trace.processes[span.processID]?.serviceName ?? '?',
        operation: span.operationName,
        offsetMs: (span.startTime - start) / 1_000,
        durationMs: span.duration / 1_000,
        error,
        links: span.references?.filter((r) => r.refType === 'FOLLOWS_FROM').length ?? 0,
        events: (span.logs ?? []).flatMap((log) => {
          const name = log.fields?.find((f) => f.key === 'event')?.value;
          return typeof name === 'string' ? [name] : [];
        }),
      });
      visit(span.spanID, depth + 1);
    }
  };
  visit(undefined, 0);
  return { traceId: trace.traceID, durationMs: (end - start) / 1_000, rows };
}

const ms = (value: number) => (value >= 1_000 ? `${(value / 1_000).toFixed(2)}s` : `${value.toFixed(1)}ms`);

/** Renders a waterfall as terminal lines: service, operation, offset, duration, a bar, status, links. Pure. */
export function renderWaterfall(waterfall: Waterfall, barWidth = 30): string[] {
  const total = Math.max(waterfall.durationMs, 0.001);
  const name = (row: WaterfallRow) => `${'  '.repeat(row.depth)}${row.operation}`;
  const width = Math.min(60, Math.max(...waterfall.rows.map((r) => name(r).length)));
  const serviceWidth = Math.max(...waterfall.rows.map((r) => r.service.length));
  const lines = [
    `trace ${waterfall.traceId}: ${waterfall.rows.length} spans over ${ms(waterfall.durationMs)}`,
  ];
  for (const row of waterfall.rows) {
    const from = Math.floor((row.offsetMs / total) * barWidth);
    const length = Math.max(1, Math.round((row.durationMs / total) * barWidth));
    const bar = `${' '.repeat(from)}${'#'.repeat(Math.min(length, barWidth - from))}`.padEnd(barWidth);
    const notes = [
      row.error ? 'ERROR' : 'ok',
      ...(row.links > 0 ? [`links ${row.links}`] : []),
      ...row.events,
    ];
    lines.push(
      `${row.service.padEnd(serviceWidth)}  ${name(row).slice(0, width).padEnd(width)}  +${ms(row.offsetMs).padStart(8)} ${ms(row.durationMs).padStart(9)}  |${bar}|  ${notes.join(', ')}`,
    );
  }
  return lines;
}
