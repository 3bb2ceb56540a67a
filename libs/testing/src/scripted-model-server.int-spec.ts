import { startScriptedModelServer } from './scripted-model-server.js';
import type { ScriptedModelServer, ScriptedModelServerOptions } from './scripted-model-server.js';
import { waitFor } from './wait-for.js';

const servers: ScriptedModelServer[] = [];

async function start(options?: ScriptedModelServerOptions): Promise<ScriptedModelServer> {
  const server = await startScriptedModelServer(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The parts of an OpenAI answer (completion or error) these tests read. */
interface WireAnswer {
  id: string;
  created: number;
  model: string;
  choices: {
    message: { content: string | null; tool_calls: { id: string }[] };
    finish_reason: string;
  }[];
  usage: unknown;
  error: { message: string; type: string; code: string | null };
}

interface ModelList {
  object: string;
  data: { id: string }[];
}

/** The assistant message of the first choice: what the client reads as the answer. */
function contentOf(answer: WireAnswer): string | null {
  return answer.choices[0]!.message.content;
}

function chatBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'scripted-small', messages: [{ role: 'user', content: 'rank these pages' }], ...overrides };
}

async function postChat(
  server: ScriptedModelServer,
  body: unknown,
  init: { apiKey?: string; signal?: AbortSignal; raw?: string } = {},
): Promise<{ status: number; headers: Headers; json: WireAnswer }> {
  const response = await fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.apiKey === undefined ? {} : { authorization: `Bearer ${init.apiKey}` }),
    },
    body: init.raw ?? JSON.stringify(body),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as WireAnswer };
}

describe('startScriptedModelServer', () => {
  it('listens on a random 127.0.0.1 port', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('answers queued replies first-in first-out, then asks the responder with the request index', async () => {
    const server = await start({
      responder: (_request, index) => ({ kind: 'text', text: `responder saw request ${index}` }),
    });
    server.enqueue({ kind: 'text', text: 'first' }, { kind: 'text', text: 'second' });

    const contents: unknown[] = [];
    for (let i = 0; i < 3; i += 1) contents.push(contentOf((await postChat(server, chatBody())).json));

    expect(contents).toEqual(['first', 'second', 'responder saw request 2']);
    expect(server.requests).toHaveLength(3);
  });

  it('uses the responder given to script() from then on', async () => {
    const server = await start({ responder: () => ({ kind: 'text', text: 'broken answer' }) });
    expect(contentOf((await postChat(server, chatBody())).json)).toBe('broken answer');

    server.script(() => ({ kind: 'text', text: 'fixed answer' }));

    expect(contentOf((await postChat(server, chatBody())).json)).toBe('fixed answer');
  });

  it('answers a json reply with the stringified value as content and the scripted usage', async () => {
    const server = await start();
    server.enqueue({
      kind: 'json',
      value: { rank: [2, 1] },
      usage: { input: 11, output: 7 },
      model: 'm-2025',
    });

    const { status, headers, json } = await postChat(server, chatBody());

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json');
    expect(json).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'm-2025',
      choices: [
        { index: 0, message: { role: 'assistant', content: '{"rank":[2,1]}' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
    });
    expect(Math.abs(json.created - Date.now() / 1000)).toBeLessThan(60);
  });

  it('estimates usage as characters / 4 and echoes the requested model when the reply has neither', async () => {
    const server = await start();
    server.enqueue({ kind: 'text', text: 'abcde', finishReason: 'length' });
    const messages = [
      { role: 'system', content: 'abcd' },
      { role: 'user', content: [{ type: 'text', text: 'efgh' }] },
    ];

    const { json } = await postChat(server, chatBody({ messages }));

    expect(json.model).toBe('scripted-small');
    expect(json.choices[0]!.finish_reason).toBe('length');
    expect(json.usage).toEqual({ prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 });
  });

  it('answers tool calls with null content, call_<n> ids unique per server and finish_reason tool_calls', async () => {
    const server = await start();
    server.enqueue(
      { kind: 'tool-calls', calls: [{ name: 'fetch_page', args: { url: 'https://a.example' } }] },
      {
        kind: 'tool-calls',
        calls: [
          { name: 'search', args: { q: 'nats' } },
          { name: 'noop', args: {} },
        ],
      },
    );

    const first = (await postChat(server, chatBody())).json;
    const second = (await postChat(server, chatBody())).json;

    expect(first.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'fetch_page', arguments: '{"url":"https://a.example"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    });
    expect(second.choices[0]!.message.tool_calls.map((call) => call.id)).toEqual(['call_2', 'call_3']);
    expect(second.id).toBe('chatcmpl-2');
  });

  it('answers a scripted error with its status, the OpenAI error body and a Retry-After header', async () => {
    const server = await start();
    server.enqueue({
      kind: 'error',
      status: 429,
      message: 'slow down',
      code: 'rate_limit_exceeded',
      retryAfterSeconds: 3,
    });

    const { status, headers, json } = await postChat(server, chatBody());

    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('3');
    expect(json).toEqual({
      error: {
        message: 'slow down',
        type: 'invalid_request_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('answers 500 "no reply scripted for this request" when nothing is queued or scripted', async () => {
    const server = await start();

    const { status, headers, json } = await postChat(server, chatBody());

    expect(status).toBe(500);
    expect(headers.get('retry-after')).toBeNull();
    expect(json.error).toMatchObject({ message: 'no reply scripted for this request', type: 'server_error' });
  });

  it('answers 500 naming the error when the responder throws', async () => {
    const server = await start({
      responder: () => {
        throw new Error('script bug');
      },
    });

    const { status, json } = await postChat(server, chatBody());

    expect(status).toBe(500);
    expect(json.error.message).toBe('responder threw: script bug');
  });

  it('refuses a model it does not know with 404 model_not_found, without using a queued reply', async () => {
    const server = await start({ knownModels: ['scripted-small'] });
    server.enqueue({ kind: 'text', text: 'for the known model' });

    const refused = await postChat(server, chatBody({ model: 'gpt-imaginary' }));
    const answered = await postChat(server, chatBody());

    expect(refused.status).toBe(404);
    expect(refused.json.error).toMatchObject({
      code: 'model_not_found',
      message: "the model 'gpt-imaginary' does not exist",
    });
    expect(contentOf(answered.json)).toBe('for the known model');
  });

  it('refuses a wrong api key with 401 invalid_api_key, records the request and never echoes the key', async () => {
    const server = await start({ apiKey: 'sk-right' });
    server.enqueue({ kind: 'text', text: 'welcome' });

    const wrong = await postChat(server, chatBody(), { apiKey: 'sk-wrong' });
    const missing = await postChat(server, chatBody());
    const right = await postChat(server, chatBody(), { apiKey: 'sk-right' });

    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('invalid_api_key');
    expect(JSON.stringify(wrong.json)).not.toContain('sk-wrong');
    expect(missing.status).toBe(401);
    expect(contentOf(right.json)).toBe('welcome');
    expect(server.requests.map((request) => request.headers['authorization'])).toEqual([
      'Bearer sk-wrong',
      undefined,
      'Bearer sk-right',
    ]);
  });

  it('refuses a body that is not json with 400 and does not record it', async () => {
    const server = await start();

    const { status, json } = await postChat(server, undefined, { raw: '{"model": ' });

    expect(status).toBe(400);
    expect(json.error.message).toBe('request body is not valid json');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses stream: true with 400 "streaming is not scripted"', async () => {
    const server = await start();
    server.enqueue({ kind: 'text', text: 'kept for later' });

    const { status, json } = await postChat(server, chatBody({ stream: true }));

    expect(status).toBe(400);
    expect(json.error.message).toBe('streaming is not scripted');
    expect(contentOf((await postChat(server, chatBody())).json)).toBe('kept for later');
  });

  it('records messages, tool calls, tool results, tools and response_format as sent', async () => {
    const server = await start();
    server.enqueue({ kind: 'text', text: 'ok' });
    const tools = [{ type: 'function', function: { name: 'fetch_page', parameters: { type: 'object' } } }];
    const responseFormat = { type: 'json_schema', json_schema: { name: 'rank', schema: { type: 'object' } } };
    const messages = [
      { role: 'system', content: 'you rank pages' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'line one' },
          { type: 'image_url' },
          { type: 'text', text: 'line two' },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_9', type: 'function', function: { name: 'fetch_page', arguments: '{"u":1}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_9', content: 'page text' },
    ];

    await postChat(server, chatBody({ messages, tools, response_format: responseFormat }), {});

    const [request] = server.requests;
    expect(request?.messages).toEqual([
      { role: 'system', content: 'you rank pages' },
      { role: 'user', content: 'line one\nline two' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_9', name: 'fetch_page', arguments: '{"u":1}' }],
      },
      { role: 'tool', content: 'page text', toolCallId: 'call_9' },
    ]);
    expect(request?.tools).toEqual(tools);
    expect(request?.responseFormat).toEqual(responseFormat);
    expect(request?.body['response_format']).toEqual(responseFormat);
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('keeps a hanging request open until the client aborts, then answers the next one', async () => {
    const server = await start();
    server.enqueue({ kind: 'hang' }, { kind: 'text', text: 'after the hang' });
    const controller = new AbortController();

    const hanging = postChat(server, chatBody(), { signal: controller.signal });
    await waitFor(() => server.requests.length === 1, {
      timeoutMs: 5_000,
      description: 'the hanging request',
    });
    controller.abort();

    await expect(hanging).rejects.toMatchObject({ name: 'AbortError' });
    expect(contentOf((await postChat(server, chatBody())).json)).toBe('after the hang');
  });

  it('ends a hanging request when the server closes', async () => {
    const server = await start();
    server.enqueue({ kind: 'hang' });

    const hanging = postChat(server, chatBody());
    await waitFor(() => server.requests.length === 1, {
      timeoutMs: 5_000,
      description: 'the hanging request',
    });
    await server.close();

    await expect(hanging).rejects.toThrow();
  });

  it('lists the known models on GET /v1/models, or the models requested so far', async () => {
    const known = await start({ knownModels: ['a', 'b'] });
    const open = await start();
    open.enqueue({ kind: 'text', text: 'x' });
    await postChat(open, chatBody({ model: 'seen-model' }));

    const knownList = (await (await fetch(`${known.url}/v1/models`)).json()) as ModelList;
    const openList = (await (await fetch(`${open.url}/v1/models`)).json()) as ModelList;

    expect(knownList.data.map((model) => model.id)).toEqual(['a', 'b']);
    expect(openList).toEqual({
      object: 'list',
      data: [{ id: 'seen-model', object: 'model', created: 0, owned_by: 'scripted-model-server' }],
    });
  });

  it('answers 404 for a route it does not serve', async () => {
    const server = await start();

    const response = await fetch(`${server.url}/v1/embeddings`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
    expect(((await response.json()) as WireAnswer).error.code).toBe('unknown_route');
  });
});
