import type { SseEvent } from './sse';
import { SseParser } from './sse';

/** The API's base path. */
export const API = '/api/v1';

/** A refusal from the API, with its RFC 9457 problem details when the body had them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`.trim();
  let code: string | undefined;
  try {
    const body = (await response.json()) as { detail?: string; title?: string; code?: string };
    detail = body.detail ?? body.title ?? detail;
    code = body.code;
  } catch {
    // Not a problem document: the status line says it.
  }
  return new ApiError(response.status, code, detail);
}

/** Calls the gateway's public API with the user's bearer token. */
export class ApiClient {
  constructor(
    private readonly token: string,
    /** Called with any 401, so the console can send the user back to the login page. */
    private readonly onUnauthorized: () => void = () => undefined,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, ...extra };
  }

  /** A request to `path` (relative to `/api/v1`, or an absolute path the API returned); throws ApiError. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url =
      path.startsWith('/') && !path.startsWith(API) && !path.startsWith('//') ? `${API}${path}` : path;
    const response = await this.fetchImpl(url, {
      ...init,
      headers: this.headers(init.headers as Record<string, string> | undefined),
    });
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw await problemOf(response);
    return response;
  }

  /** GETs JSON. */
  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return (await (await this.request(path, { signal })).json()) as T;
  }

  /** GETs text (a report). */
  async text(path: string, signal?: AbortSignal): Promise<string> {
    return (await this.request(path, { signal })).text();
  }

  /** POSTs JSON and reads the JSON answer. */
  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await this.request(path, {
      method: 'POST',
      body: JSON.stringify(body ?? {}),
      headers: { 'content-type': 'application/json' },
    });
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }

  /**
   * Follows a Server-Sent Events stream with `fetch` (EventSource cannot send the Authorization header): calls
   * `onEvent` for each event, reconnects after a dropped connection with `Last-Event-ID` so nothing is missed or
   * repeated, and resolves when the server sends `event: end` or `signal` aborts. Rejects on a refusal (4xx).
   */
  async follow(
    path: string,
    onEvent: (event: SseEvent) => void,
    signal: AbortSignal,
    onConnection: (live: boolean) => void = () => undefined,
  ): Promise<void> {
    const parser = new SseParser();
    let failures = 0;
    while (!signal.aborted) {
      let ended = false;
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (parser.lastEventId) headers['last-event-id'] = parser.lastEventId;
        const response = await this.request(path, { headers, signal });
        if (!response.body) throw new Error('the event stream has no body');
        onConnection(true);
        failures = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            // `end` closes a finished goal's stream; `error` says the server's follow broke (reconnect).
            if (event.event === 'end') ended = true;
            else if (event.event !== 'error') onEvent(event);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status < 500 && error.status !== 429) throw error;
      }
      onConnection(false);
      if (ended) return;
      failures++;
      await sleep(Math.min(parser.retryMs ?? 1000 * 2 ** Math.min(failures - 1, 4), 15_000), signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
