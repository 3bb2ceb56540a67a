import { randomUUID } from 'node:crypto';
import type { AgentCard, StreamResponse, Task } from '@a2a-js/sdk';
import { Role, TaskState } from '@a2a-js/sdk';
import type { Client } from '@a2a-js/sdk/client';
import { ClientFactory, ClientFactoryOptions, JsonRpcTransportFactory } from '@a2a-js/sdk/client';
import { freePort } from '@swarm/testing';
import type { ConsoleStack } from '../testing/console-stack.js';
import { startConsoleStack } from '../testing/console-stack.js';

/** A fetch that sends the bearer token on every call. */
const bearerFetch =
  (token: string): typeof fetch =>
  (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };

/** An A2A client of the gateway, built by the SDK's factory from the public agent card. */
function clientFor(stack: ConsoleStack, token: string): Promise<Client> {
  const options = ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
    transports: [new JsonRpcTransportFactory({ fetchImpl: bearerFetch(token) })],
  });
  return new ClientFactory(options).createFromUrl(stack.url);
}

const goalMessage = (text: string) => ({
  tenant: '',
  message: {
    messageId: randomUUID(),
    contextId: '',
    taskId: '',
    role: Role.ROLE_USER,
    parts: [
      {
        content: { $case: 'text' as const, value: text },
        mediaType: 'text/plain',
        filename: '',
        metadata: undefined,
      },
    ],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  },
  configuration: undefined,
  metadata: undefined,
});

const ENDED = [TaskState.TASK_STATE_COMPLETED, TaskState.TASK_STATE_FAILED, TaskState.TASK_STATE_REJECTED];

describe('the A2A agent', () => {
  let stack: ConsoleStack;
  let submitter: Client;

  beforeAll(async () => {
    // The card names the gateway by its public URL: give it a known port so that URL reaches it.
    const port = await freePort();
    stack = await startConsoleStack(process.env, {
      GATEWAY_PORT: String(port),
      GATEWAY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      GATEWAY_SSE_HEARTBEAT_MS: '200',
    });
    submitter = await clientFor(stack, stack.tokens.admin);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('publishes its card: the rank-packages skill, streaming, bearer security and the JSON-RPC URL', async () => {
    const response = await fetch(`${stack.url}/.well-known/agent-card.json`, {
      headers: { 'A2A-Version': '1.0' },
    });
    expect(response.status).toBe(200);
    const card = (await response.json()) as AgentCard;
    expect(card.skills.map((skill) => skill.id)).toEqual(['rank-packages']);
    expect(card.capabilities?.streaming).toBe(true);
    expect(card.defaultInputModes).toEqual(['text']);
    expect(JSON.stringify(card.securitySchemes)).toContain('bearer');
    expect(card.supportedInterfaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: `${stack.url}/a2a`, protocolBinding: 'JSONRPC' }),
      ]),
    );
  });

  it('gives a 0.3 client (no A2A-Version header) a 0.3 card whose url is the public URL of /a2a', async () => {
    const response = await fetch(`${stack.url}/.well-known/agent-card.json`);
    const card = (await response.json()) as {
      url: string;
      protocolVersion: string;
      capabilities: { streaming: boolean };
    };
    expect(card).toMatchObject({ url: `${stack.url}/a2a`, capabilities: { streaming: true } });
  });

  it('runs a streamed message as a goal to completed, with the report as an artifact, then answers GetTask for it', async () => {
    const events: StreamResponse[] = [];
    for await (const event of submitter.sendMessageStream(goalMessage('json schema validation'))) {
      events.push(event);
      const update = event.payload?.$case === 'statusUpdate' ? event.payload.value : undefined;
      if (update?.status && ENDED.includes(update.status.state)) break;
    }
    const first = events[0]?.payload;
    expect(first?.$case).toBe('task');
    const goalId = (first?.value as Task).id;
    expect(goalId).toMatch(/^g-/);
    const states = events.flatMap((e) =>
      e.payload?.$case === 'statusUpdate' ? [e.payload.value.status?.state] : [],
    );
    expect(states).toContain(TaskState.TASK_STATE_WORKING);
    expect(states.at(-1)).toBe(TaskState.TASK_STATE_COMPLETED);
    const artifact = events.find((e) => e.payload?.$case === 'artifactUpdate')?.payload?.value as
      { artifact?: { name: string; parts: { content?: { $case: string; value: unknown } }[] } } | undefined;
    expect(artifact?.artifact?.name).toBe('report.md');
    expect(String(artifact?.artifact?.parts[0]?.content?.value)).toMatch(/^# /m);

    const task = await submitter.getTask({ tenant: '', id: goalId });
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(task.artifacts[0]?.name).toBe('report.md');
  });

  it('follows a goal submitted through the HTTP API with SubscribeToTask, through input-required to its report', async () => {
    const api = (path: string, body: unknown) =>
      fetch(`${stack.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack.tokens.admin}` },
        body: JSON.stringify(body),
      });
    const submitted = await api('/goals', { text: 'find top 3 agentic AI tools', requireApproval: true });
    const { goalId } = (await submitted.json()) as { goalId: string };

    const states: TaskState[] = [];
    let report: string | undefined;
    for await (const event of submitter.resubscribeTask({ tenant: '', id: goalId })) {
      const payload = event.payload;
      const state =
        payload?.$case === 'task'
          ? payload.value.status?.state
          : payload?.$case === 'statusUpdate'
            ? payload.value.status?.state
            : undefined;
      if (payload?.$case === 'artifactUpdate')
        report = String(payload.value.artifact?.parts[0]?.content?.value);
      if (state === undefined) continue;
      states.push(state);
      if (state === TaskState.TASK_STATE_INPUT_REQUIRED)
        expect(
          (await api(`/goals/${goalId}/approval`, { outcome: 'approved', comment: 'fine' })).status,
        ).toBe(200);
      if (ENDED.includes(state)) break;
    }
    expect(states).toContain(TaskState.TASK_STATE_INPUT_REQUIRED);
    expect(states.at(-1)).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(report).toMatch(/^# /m);
  });

  it('keeps an idle SubscribeToTask stream alive with heartbeat comments while the goal waits for approval', async () => {
    const submitted = await fetch(`${stack.url}/api/v1/goals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack.tokens.admin}` },
      body: JSON.stringify({ text: 'graphql server', requireApproval: true }),
    });
    const { goalId } = (await submitted.json()) as { goalId: string };
    const stop = new AbortController();
    const response = await fetch(`${stack.url}/a2a`, {
      method: 'POST',
      signal: stop.signal,
      headers: {
        'Content-Type': 'application/json',
        'A2A-Version': '1.0',
        Authorization: `Bearer ${stack.tokens.viewer}`,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'SubscribeToTask', params: { id: goalId } }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      text += decoder.decode(chunk as Uint8Array, { stream: true });
      if (text.includes(': heartbeat')) break;
    }
    stop.abort();
    expect(text).toContain(': heartbeat');
  });

  it('refuses to cancel a goal: the swarm has no cancel yet', async () => {
    const sent = await submitter.sendMessage({
      ...goalMessage('find top 3 agentic AI tools'),
      configuration: {
        acceptedOutputModes: [],
        taskPushNotificationConfig: undefined,
        returnImmediately: true,
      },
    });
    const goalId = (sent as Task).id;
    await expect(submitter.cancelTask({ tenant: '', id: goalId, metadata: undefined })).rejects.toThrow(
      /cannot be canceled/,
    );
  });

  it('serves a 0.3 client by the 0.3 method names: a blocking message/send answers the completed task with its report', async () => {
    const rpc = async (token: string, method: string, params: unknown) => {
      const response = await fetch(`${stack.url}/a2a`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      });
      return ((await response.json()) as { result?: Record<string, unknown> }).result;
    };
    type Task03 = {
      id: string;
      kind: string;
      status: { state: string };
      artifacts?: { parts: { text?: string }[] }[];
    };
    const sent = (await rpc(stack.tokens.admin, 'message/send', {
      message: {
        kind: 'message',
        messageId: randomUUID(),
        role: 'user',
        parts: [{ kind: 'text', text: 'embeddings' }],
      },
      configuration: { blocking: true },
    })) as Task03 | undefined;
    expect(sent).toMatchObject({ kind: 'task', status: { state: 'completed' } });
    expect(sent?.artifacts?.[0]?.parts[0]?.text).toMatch(/^# /m);

    const read = (await rpc(stack.tokens.viewer, 'tasks/get', { id: sent?.id })) as Task03 | undefined;
    expect(read).toMatchObject({ id: sent?.id, kind: 'task', status: { state: 'completed' } });
  });

  it('makes the same message sent twice one goal, and lists it among the tasks', async () => {
    const message = goalMessage('vector database client');
    const once = {
      ...message,
      configuration: {
        acceptedOutputModes: [],
        taskPushNotificationConfig: undefined,
        returnImmediately: true,
      },
    };
    const first = (await submitter.sendMessage(once)) as Task;
    const again = (await submitter.sendMessage(once)) as Task;
    expect(again.id).toBe(first.id);

    const listed = await submitter.listTasks({
      tenant: '',
      contextId: '',
      status: TaskState.TASK_STATE_UNSPECIFIED,
      pageSize: 50,
      pageToken: '',
      statusTimestampAfter: undefined,
    });
    expect(listed.tasks.map((task) => task.id)).toContain(first.id);
  });

  it('refuses a message from a viewer with 403 naming the submitter role, and any call without a token with 401', async () => {
    const refused = await fetch(`${stack.url}/a2a`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack.tokens.viewer}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'message/send', params: {} }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden', role: 'submitter' });

    const anonymous = await fetch(`${stack.url}/a2a`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tasks/get', params: { id: 'g-1' } }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
