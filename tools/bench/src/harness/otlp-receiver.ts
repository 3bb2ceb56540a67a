import type { Server } from 'node:http';
import { createServer } from 'node:http';

/** What the receiver has taken in, per OTLP signal path. */
export interface OtlpCounts {
  readonly requests: number;
  readonly bytes: number;
  readonly byPath: Readonly<Record<string, { requests: number; bytes: number }>>;
}

/**
 * A local OTLP/HTTP receiver for the tracing-on run: accepts `POST /v1/traces`, `/v1/metrics` and `/v1/logs`,
 * answers 200 with an empty body (an empty export response in JSON or protobuf), and counts what arrived.
 */
export class OtlpReceiver {
  private readonly byPath: Record<string, { requests: number; bytes: number }> = {};

  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      req.on('end', () => {
        this.count(req.url ?? '/', bytes);
        const known = req.method === 'POST' && /^\/v1\/(traces|metrics|logs)$/.test(req.url ?? '');
        res.writeHead(known ? 200 : 404, {
          'content-type': req.headers['content-type'] ?? 'application/json',
          'content-length': '0',
        });
        res.end();
      });
    });
  }

  /** Starts listening on a free loopback port. */
  static async start(): Promise<OtlpReceiver> {
    const receiver = new OtlpReceiver();
    await new Promise<void>((resolve, reject) => {
      receiver.server.once('error', reject);
      receiver.server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
    });
    return receiver;
  }

  /** The endpoint for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  get endpoint(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('otlp receiver is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** What arrived so far. */
  counts(): OtlpCounts {
    const paths = Object.values(this.byPath);
    return {
      requests: paths.reduce((sum, p) => sum + p.requests, 0),
      bytes: paths.reduce((sum, p) => sum + p.bytes, 0),
      byPath: structuredClone(this.byPath),
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private count(path: string, bytes: number): void {
    const entry = (this.byPath[path] ??= { requests: 0, bytes: 0 });
    entry.requests += 1;
    entry.bytes += bytes;
  }
}
