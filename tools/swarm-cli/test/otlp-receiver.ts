import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as an OTLP/HTTP JSON export carries it, flattened with its service name. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, string | number | boolean>;
  readonly events: { name: string; attributes: Record<string, string | number | boolean> }[];
  readonly links: { traceId: string; spanId: string }[];
  readonly status: { code?: number; message?: string };
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

function attributes(list: OtlpAttribute[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    out[key] =
      value.stringValue ??
      (value.intValue !== undefined ? Number(value.intValue) : undefined) ??
      value.doubleValue ??
      value.boolValue ??
      '';
  }
  return out;
}

/** Decodes one OTLP/HTTP JSON trace export into flat spans. */
export function decodeTraces(body: unknown): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  const resourceSpans = (body as { resourceSpans?: unknown[] }).resourceSpans ?? [];
  for (const rs of resourceSpans as {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: Record<string, unknown>[] }[];
  }[]) {
    const service = String(attributes(rs.resource?.attributes)['service.name'] ?? '');
    for (const scope of rs.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        spans.push({
          service,
          traceId: String(span['traceId']),
          spanId: String(span['spanId']),
          parentSpanId: typeof span['parentSpanId'] === 'string' ? span['parentSpanId'] : '',
          name: String(span['name']),
          kind: Number(span['kind']),
          attributes: attributes(span['attributes'] as OtlpAttribute[]),
          events: ((span['events'] as { name: string; attributes?: OtlpAttribute[] }[]) ?? []).map((e) => ({
            name: e.name,
            attributes: attributes(e.attributes),
          })),
          links: ((span['links'] as { traceId: string; spanId: string }[]) ?? []).map((l) => ({
            traceId: l.traceId,
            spanId: l.spanId,
          })),
          status: (span['status'] as { code?: number; message?: string }) ?? {},
        });
      }
    }
  }
  return spans;
}

/** A real OTLP/HTTP receiver on loopback: accepts JSON trace exports and keeps every span. */
export async function startOtlpReceiver(): Promise<{
  url: string;
  spans: ReceivedSpan[];
  close(): Promise<void>;
}> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const type = String(request.headers['content-type'] ?? '');
        if (!type.includes('json')) {
          response.writeHead(415).end();
          return;
        }
        spans.push(...decodeTraces(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
