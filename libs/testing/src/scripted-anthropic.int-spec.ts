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

/** The parts of an Anthropic answer (message or error) these tests read. */
interface WireAnswer {
  id: string;
  type: string;
  model: string;
  content: { type: string; text?: string; id?: string; name?: string; input?: unknown }[];
  stop_reason: string;
  usage: { input_tokens: number; output_tokens: number };
  error: { type: string; message: string };
}

const ANTHROPIC_VERSION = '2023-06-01';

function messagesBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-scripted',
    max_tokens: 1024,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'rank these pages' }] }],
    ...overrides,
  };
}

async function postMessages(
  server: ScriptedModelServer,
  body: unknown,
  init: { apiKey?: string; version?: string | null; signal?: AbortSignal; raw?: string } = {},
): Promise<{ status: number; headers: Headers; json: WireAnswer }> {
  const version = init.version === undefined ? ANTHROPIC_VERSION : init.version;
  const response = await fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(version === null ? {} : { 'anthropic-version': version }),
      ...(init.apiKey === undefined ? {} : { 'x-api-key': init.apiKey }),
    },
    body: init.raw ?? JSON.stringify(body),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as WireAnswer };
}

describe('POST /v1/messages (Anthropic Messages API)', () => {
  it('answers a text reply as a message with one text block, end_turn and the scripted usage', async () => {
    const server = await start();
    server.enqueue({ kind: 'text', text: 'ranked', usage: { input: 11, output: 7 }, model: 'claude-x-2025' });

    const { status, headers, json } = await postMessages(server, messagesBody());

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json');
    expect(json).toEqual({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-x-2025',
      content: [{ type: 'text', text: 'ranked' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 11, output_tokens: 7 },
    });
  });

  it('estimates usage as characters / 4, echoes the model and maps finishReason length to max_tokens', async () => {
    const server = await start();
    server.enqueue({ kind: 'text', text: 'abcde', finishReason: 'length' });
    const body = messagesBody({
      system: [{ type: 'text', text: 'abcd' }],
      messages: [{ role: 'user', content: 'efgh' }],
    });

    const { json } = await postMessages(server, body);

    expect(json.model).toBe('claude-scripted');
    expect(json.stop_reason).toBe('max_tokens');
    expect(json.usage).toEqual({ input_tokens: 2, output_tokens: 2 });
  });

  it('answers json as text when the request asks for output_config.format, and records the format', async () => {
    const server = await start();
    server.enqueue({ kind: 'json', value: { rank: [2, 1] } });
    const format = { type: 'json_schema', schema: { type: 'object', additionalProperties: false } };

    const { json } = await postMessages(server, messagesBody({ output_config: { format } }));

    expect(json.content).toEqual([{ type: 'text', text: '{"rank":[2,1]}' }]);
    expect(json.stop_reason).toBe('end_turn');
    expect(server.requests[0]?.responseFormat).toEqual(format);
  });

  it('answers json as a json tool_use block when the request forces the json tool', async () => {
    const server = await start();
    server.enqueue({ kind: 'json', value: { rank: [3] } });
    const schema = { type: 'object', properties: { rank: { type: 'array' } } };
    const tools = [
      { name: 'fetch_page', input_schema: { type: 'object' } },
      { name: 'json', description: 'Respond with a JSON object.', input_schema: schema },
    ];
    const body = messagesBody({ tools, tool_choice: { type: 'any', disable_parallel_tool_use: true } });

    const { json } = await postMessages(server, body);

    expect(json.content).toEqual([{ type: 'tool_use', id: 'toolu_1', name: 'json', input: { rank: [3] } }]);
    expect(json.stop_reason).toBe('tool_use');
    expect(server.requests[0]?.responseFormat).toEqual({ type: 'json_tool', schema });
    expect(server.requests[0]?.tools).toEqual(tools);
  });

  it('answers tool calls as tool_use blocks with toolu_<n> ids unique per server', async () => {
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

    const first = (await postMessages(server, messagesBody())).json;
    const second = (await postMessages(server, messagesBody())).json;

    expect(first.content).toEqual([
      { type: 'tool_use', id: 'toolu_1', name: 'fetch_page', input: { url: 'https://a.example' } },
    ]);
    expect(first.stop_reason).toBe('tool_use');
    expect(second.content.map((block) => block.id)).toEqual(['toolu_2', 'toolu_3']);
    expect(second.id).toBe('msg_2');
  });

  it('records the system prompt first, text blocks joined, tool_use as toolCalls, tool_result as tool messages', async () => {
    const server = await start();
    server.enqueue({ kind: 'text', text: 'ok' });
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'line one' },
          { type: 'image', source: { type: 'url', url: 'https://a.example/i.png' } },
          { type: 'text', text: 'line two' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'let me look' },
          { type: 'tool_use', id: 'toolu_9', name: 'fetch_page', input: { u: 1 } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_9', content: [{ type: 'text', text: 'page text' }] },
          { type: 'text', text: 'now answer' },
        ],
      },
    ];

    await postMessages(
      server,
      messagesBody({ system: [{ type: 'text', text: 'you rank pages' }], messages }),
    );

    const [request] = server.requests;
    expect(request?.messages).toEqual([
      { role: 'system', content: 'you rank pages' },
      { role: 'user', content: 'line one\nline two' },
      {
        role: 'assistant',
        content: 'let me look',
        toolCalls: [{ id: 'toolu_9', name: 'fetch_page', arguments: '{"u":1}' }],
      },
      { role: 'tool', content: 'page text', toolCallId: 'toolu_9' },
      { role: 'user', content: 'now answer' },
    ]);
    expect(request?.responseFormat).toBeUndefined();
    expect(request?.body['max_tokens']).toBe(1024);
    expect(request?.headers['anthropic-version']).toBe(ANTHROPIC_VERSION);
  });

  it.each([
    [429, 'rate_limit_error'],
    [529, 'overloaded_error'],
    [404, 'not_found_error'],
    [400, 'invalid_request_error'],
    [503, 'api_error'],
  ])('answers a scripted %i error as an Anthropic %s with Retry-After', async (status, type) => {
    const server = await start();
    server.enqueue({
      kind: 'error',
      status,
      message: 'try later',
      code: 'openai_only',
      retryAfterSeconds: 3,
    });

    const answer = await postMessages(server, messagesBody());

    expect(answer.status).toBe(status);
    expect(answer.headers.get('retry-after')).toBe('3');
    expect(answer.json).toEqual({ type: 'error', error: { type, message: 'try later' } });
  });

  it('answers 500 api_error "no reply scripted for this request" when nothing is queued or scripted', async () => {
    const server = await start();

    const { status, headers, json } = await postMessages(server, messagesBody());

    expect(status).toBe(500);
    expect(headers.get('retry-after')).toBeNull();
    expect(json.error).toEqual({ type: 'api_error', message: 'no reply scripted for this request' });
  });

  it('refuses a model it does not know with 404 not_found_error, without using a queued reply', async () => {
    const server = await start({ knownModels: ['claude-scripted'] });
    server.enqueue({ kind: 'text', text: 'for the known model' });

    const refused = await postMessages(server, messagesBody({ model: 'claude-imaginary' }));
    const answered = await postMessages(server, messagesBody());

    expect(refused.status).toBe(404);
    expect(refused.json).toEqual({
      type: 'error',
      error: { type: 'not_found_error', message: 'model: claude-imaginary' },
    });
    expect(answered.json.content).toEqual([{ type: 'text', text: 'for the known model' }]);
  });

  it('refuses a wrong or missing x-api-key with 401 authentication_error and never echoes the key', async () => {
    const server = await start({ apiKey: 'sk-ant-right' });
    server.enqueue({ kind: 'text', text: 'welcome' });

    const wrong = await postMessages(server, messagesBody(), { apiKey: 'sk-ant-wrong' });
    const missing = await postMessages(server, messagesBody());
    const right = await postMessages(server, messagesBody(), { apiKey: 'sk-ant-right' });

    expect(wrong.status).toBe(401);
    expect(wrong.json.type).toBe('error');
    expect(wrong.json.error.type).toBe('authentication_error');
    expect(JSON.stringify(wrong.json)).not.toContain('sk-ant-wrong');
    expect(missing.status).toBe(401);
    expect(right.json.content).toEqual([{ type: 'text', text: 'welcome' }]);
    expect(server.requests.map((request) => request.headers['x-api-key'])).toEqual([
      'sk-ant-wrong',
      undefined,
      'sk-ant-right',
    ]);
  });

  it('does not take an OpenAI Bearer token as the key', async () => {
    const server = await start({ apiKey: 'sk-ant-right' });
    server.enqueue({ kind: 'text', text: 'kept' });

    const response = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'anthropic-version': ANTHROPIC_VERSION,
        authorization: 'Bearer sk-ant-right',
      },
      body: JSON.stringify(messagesBody()),
    });

    expect(response.status).toBe(401);
  });

  it.each([
    ['a missing anthropic-version header', messagesBody(), null, 'anthropic-version: header is required'],
    ['stream: true', messagesBody({ stream: true }), ANTHROPIC_VERSION, 'streaming is not scripted'],
    [
      'a missing max_tokens',
      messagesBody({ max_tokens: undefined }),
      ANTHROPIC_VERSION,
      'max_tokens: field required',
    ],
    ['a missing model', messagesBody({ model: undefined }), ANTHROPIC_VERSION, 'model: field required'],
  ])(
    'refuses %s with 400 invalid_request_error, keeping the queued reply',
    async (_, body, version, message) => {
      const server = await start();
      server.enqueue({ kind: 'text', text: 'kept for later' });

      const refused = await postMessages(server, body, { version });

      expect(refused.status).toBe(400);
      expect(refused.json).toEqual({ type: 'error', error: { type: 'invalid_request_error', message } });
      expect(server.requests).toHaveLength(1);
      expect((await postMessages(server, messagesBody())).json.content[0]?.text).toBe('kept for later');
    },
  );

  it('refuses a body that is not json with an Anthropic 400 and does not record it', async () => {
    const server = await start();

    const { status, json } = await postMessages(server, undefined, { raw: '{"model": ' });

    expect(status).toBe(400);
    expect(json).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'request body is not valid json' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps a hanging request open until the client aborts, then answers the next one', async () => {
    const server = await start();
    server.enqueue({ kind: 'hang' }, { kind: 'text', text: 'after the hang' });
    const controller = new AbortController();

    const hanging = postMessages(server, messagesBody(), { signal: controller.signal });
    await waitFor(() => server.requests.length === 1, {
      timeoutMs: 5_000,
      description: 'the hanging request',
    });
    controller.abort();

    await expect(hanging).rejects.toMatchObject({ name: 'AbortError' });
    const next = await postMessages(server, messagesBody());
    expect(next.json.content).toEqual([{ type: 'text', text: 'after the hang' }]);
  });
});
