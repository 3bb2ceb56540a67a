import { ApiClient, ApiError } from './api';
import type { SseEvent } from './sse';

/** A fake gateway: answers each request with the next scripted response, and records the requests. */
function scripted(responses: Array<() => Response>) {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchImpl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push({
      url: input instanceof Request ? input.url : input.toString(),
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const next = responses.shift();
    if (!next) return Promise.reject(new Error('no more responses'));
    return Promise.resolve(next());
  };
  return { requests, fetchImpl };
}

const stream =
  (...chunks: string[]) =>
  () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      { status: 200, headers: { 'content-type': 'text/event-stream' } },
    );

describe('ApiClient.follow', () => {
  it('reconnects after a dropped stream with Last-Event-ID and stops at the end event', async () => {
    const gateway = scripted([
      stream(
        'retry: 5\n\n: following\n\nid: 1\nevent: goal.submitted\ndata: {}\n\nid: 2\nevent: task.cla',
        'imed\ndata: {}\n\n',
      ),
      () => {
        throw new TypeError('network down');
      },
      stream('id: 3\nevent: goal.completed\ndata: {}\n\nevent: end\ndata: {}\n\n'),
    ]);
    const seen: SseEvent[] = [];
    const states: boolean[] = [];
    await new ApiClient('t0ken', undefined, gateway.fetchImpl).follow(
      '/goals/g-1/events',
      (event) => seen.push(event),
      new AbortController().signal,
      (live) => states.push(live),
    );
    expect(seen.map((e) => [e.id, e.event])).toEqual([
      ['1', 'goal.submitted'],
      ['2', 'task.claimed'],
      ['3', 'goal.completed'],
    ]);
    expect(gateway.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '2', '2']);
    expect(gateway.requests.every((r) => r.url === '/api/v1/goals/g-1/events')).toBe(true);
    expect(gateway.requests[0]!.headers['authorization']).toBe('Bearer t0ken');
    expect(states).toEqual([true, false, false, true, false]);
  });

  it('gives up on a refusal (403) instead of retrying, with the problem detail', async () => {
    const gateway = scripted([
      () =>
        new Response(JSON.stringify({ detail: 'needs the viewer role', code: 'forbidden' }), {
          status: 403,
          headers: { 'content-type': 'application/problem+json' },
        }),
    ]);
    const following = new ApiClient('t', undefined, gateway.fetchImpl).follow(
      '/goals/g/events',
      () => undefined,
      new AbortController().signal,
    );
    await expect(following).rejects.toEqual(new ApiError(403, 'forbidden', 'needs the viewer role'));
    expect(gateway.requests).toHaveLength(1);
  });
});

describe('ApiClient.request', () => {
  it('tells the console about a 401 so it can ask for a new token', async () => {
    let signedOut = false;
    const gateway = scripted([() => new Response('{}', { status: 401 })]);
    await expect(
      new ApiClient('old', () => (signedOut = true), gateway.fetchImpl).get('/whoami'),
    ).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toBe(true);
  });

  it('keeps a path the API returned as it is and puts /api/v1 before a relative one', async () => {
    const gateway = scripted([() => new Response('a'), () => new Response('b')]);
    const api = new ApiClient('t', undefined, gateway.fetchImpl);
    await api.text('/api/v1/goals/g/report?format=md');
    await api.text('/goals/g/report?format=html');
    expect(gateway.requests.map((r) => r.url)).toEqual([
      '/api/v1/goals/g/report?format=md',
      '/api/v1/goals/g/report?format=html',
    ]);
  });
});
