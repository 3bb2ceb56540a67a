import { createHash } from 'node:crypto';
import { loadGatewayConfig, startGateway } from '../src/index.js';
import type { RunningGateway } from '../src/index.js';

/** One static token per role (and one with two), as a laptop's tokens file would hold them. */
export const TOKENS = {
  viewer: 'viewer-token-0123456789abcdef',
  submitter: 'submitter-token-0123456789abcdef',
  approver: 'approver-token-0123456789abcdef',
  operator: 'operator-token-0123456789abcdef',
} as const;

/** The tokens file entries: the approver's as a sha256 (how a deployment stores them), the others in clear. */
export const TOKEN_ENTRIES = [
  { name: 'vera', token: TOKENS.viewer, roles: ['viewer'] },
  { name: 'sam', token: TOKENS.submitter, roles: ['submitter'] },
  {
    name: 'alice@example.com',
    sha256: createHash('sha256').update(TOKENS.approver).digest('hex'),
    roles: ['approver'],
  },
  { name: 'otto', token: TOKENS.operator, roles: ['operator'] },
];

/** Starts a gateway in-process on a free loopback port against `natsUrl`, with `env` on top of the test defaults. */
export function startTestGateway(natsUrl: string, env: Record<string, string> = {}): Promise<RunningGateway> {
  const config = loadGatewayConfig({
    NATS_URL: natsUrl,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    GATEWAY_TOKENS: JSON.stringify(TOKEN_ENTRIES),
    GATEWAY_PROVISION: 'true',
    GATEWAY_CONSOLE_DIR: '/nonexistent-console',
    ...env,
  });
  return startGateway(config, { logger: false });
}

/** A fetch against the gateway with an optional bearer token; JSON bodies are sent as JSON. */
export function call(
  gateway: RunningGateway,
  path: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${gateway.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
}

/** One parsed Server-Sent Event. */
export interface SseEvent {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: string;
}

/**
 * Reads Server-Sent Events from `response` until `stopAfter` says stop (or the stream ends), then cancels the
 * body (the client going away). Comments (`: heartbeat`) are skipped.
 */
export async function readSse(
  response: Response,
  stopAfter: (event: SseEvent, all: SseEvent[]) => boolean,
): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return events;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = frame.split('\n').filter((line) => !line.startsWith(':') && line.length > 0);
        if (fields.length === 0) continue;
        const field = (name: string) => fields.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const event = { id: field('id'), event: field('event') ?? 'message', data: field('data') ?? '' };
        events.push(event);
        if (stopAfter(event, events)) return events;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
