import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { waitFor } from '@swarm/testing';
import type { ConsoleStack } from '../testing/console-stack.js';
import { startConsoleStack } from '../testing/console-stack.js';

/** How long a goal may take to run through the four agents on a busy CI machine. */
const GOAL_TIMEOUT_MS = 120_000;

/** An MCP client of the gateway's `/mcp`, through the SDK's own client and Streamable HTTP transport. */
async function connect(stack: ConsoleStack, token: string | undefined): Promise<Client> {
  const client = new Client({ name: 'gateway-mcp-test', version: '1.0.0' });
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/mcp', stack.url), { requestInit: { headers } }),
  );
  return client;
}

type ToolAnswer = {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
};

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
  return (await client.callTool({ name, arguments: args }, undefined, { timeout: 90_000 })) as ToolAnswer;
}

/** Follows a goal with get_goal (waitSeconds) until it reaches one of `states`. */
async function followUntil(
  client: Client,
  goalId: string,
  states: readonly string[],
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + GOAL_TIMEOUT_MS;
  for (;;) {
    const answer = await call(client, 'get_goal', { goalId, waitSeconds: 20 });
    expect(answer.isError).toBeFalsy();
    const goal = answer.structuredContent!;
    if (states.includes(goal['state'] as string)) return goal;
    if (Date.now() > deadline) throw new Error(`goal ${goalId} is still ${String(goal['state'])}`);
  }
}

describe('the MCP server at /mcp', () => {
  let stack: ConsoleStack;
  let admin: Client;
  let viewer: Client;

  beforeAll(async () => {
    stack = await startConsoleStack(process.env);
    admin = await connect(stack, stack.tokens.admin);
    viewer = await connect(stack, stack.tokens.viewer);
  }, 120_000);

  afterAll(async () => {
    await admin?.close();
    await viewer?.close();
    await stack?.stop();
  });

  it('lists the six swarm tools with their input and output schemas', async () => {
    const { tools } = await admin.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'add_budget',
      'decide_approval',
      'get_goal',
      'get_report',
      'list_approvals',
      'submit_goal',
    ]);
    const submit = tools.find((tool) => tool.name === 'submit_goal');
    expect(submit?.inputSchema.required).toEqual(['text']);
    const follow = tools.find((tool) => tool.name === 'get_goal');
    expect(Object.keys(follow?.outputSchema?.properties ?? {})).toEqual(
      expect.arrayContaining(['state', 'ended', 'changed', 'recentEvents']),
    );
    // GATEWAY_MCP_WAIT_MAX_SECONDS (default 60) bounds the wait in the schema the client sees.
    expect(follow?.inputSchema.properties?.['waitSeconds']).toMatchObject({ maximum: 60 });
  });

  it('submits a goal, follows it to its end and reads its Markdown report', async () => {
    const submitted = await call(admin, 'submit_goal', { text: 'json schema validation' });
    expect(submitted.isError).toBeFalsy();
    const goalId = submitted.structuredContent!['goalId'] as string;
    expect(submitted.structuredContent).toMatchObject({ created: true });

    const goal = await followUntil(admin, goalId, ['completed', 'failed']);
    expect(goal).toMatchObject({ goalId, state: 'completed', outcome: 'delivered', ended: true });
    expect((goal['recentEvents'] as unknown[]).length).toBeGreaterThan(0);

    const report = await call(admin, 'get_report', { goalId });
    expect(report.isError).toBeFalsy();
    expect(report.content[0]?.text).toMatch(/^# /m);
    expect(report.structuredContent).toMatchObject({ goalId, stage: 'final' });
  });

  it('lets an approver decide a goal waiting for approval, after a viewer is refused with the role named', async () => {
    const submitted = await call(admin, 'submit_goal', {
      text: 'find top 3 agentic AI tools',
      requireApproval: true,
    });
    const goalId = submitted.structuredContent!['goalId'] as string;
    await followUntil(admin, goalId, ['awaiting-approval']);

    const pending = await call(viewer, 'list_approvals', {});
    expect(pending.structuredContent!['approvals']).toEqual(
      expect.arrayContaining([expect.objectContaining({ goalId })]),
    );
    const preview = await call(viewer, 'get_report', { goalId, stage: 'preview' });
    expect(preview.isError).toBeFalsy();

    const refused = await call(viewer, 'decide_approval', { goalId, outcome: 'approved' });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toContain('needs the role approver');

    const decided = await call(admin, 'decide_approval', {
      goalId,
      outcome: 'approved',
      comment: 'looks right',
    });
    expect(decided.isError).toBeFalsy();
    const goal = await followUntil(admin, goalId, ['completed', 'failed']);
    expect(goal).toMatchObject({ state: 'completed', outcome: 'delivered' });
  });

  it('lets an operator add to a goal paused for budget, after a viewer is refused with the role named', async () => {
    const submitted = await call(admin, 'submit_goal', {
      text: 'csv parsers',
      budget: { deadlineMs: 1, onExhausted: 'pause' },
    });
    const goalId = submitted.structuredContent!['goalId'] as string;
    await followUntil(admin, goalId, ['awaiting-budget']);
    // budget.exhausted is published just before the task is parked: wait for the parking.
    await waitFor(
      async () =>
        (await stack.client.deadLetters()).some(
          (record) => record.goalId === goalId && record.reason.code === 'budget-exhausted',
        ) || undefined,
      { timeoutMs: GOAL_TIMEOUT_MS, description: `the parked task of ${goalId}` },
    );

    const refused = await call(viewer, 'add_budget', { goalId, deadlineMs: 600_000 });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toContain('needs the role operator');
    const empty = await call(admin, 'add_budget', { goalId });
    expect(empty.content[0]?.text).toMatch(/^invalid-request: /);

    const added = await call(admin, 'add_budget', { goalId, deadlineMs: 600_000, idempotencyKey: 'mcp-1' });
    expect(added.isError).toBeFalsy();
    expect(added.structuredContent).toMatchObject({
      goalId,
      budget: { additions: [{ by: 'admin via gateway', deadlineMs: 600_000, resumed: 1 }] },
    });
    // A retry under the same key is made once.
    const retried = await call(admin, 'add_budget', { goalId, deadlineMs: 600_000, idempotencyKey: 'mcp-1' });
    expect(retried.content[0]?.text).toContain('was already made; nothing added again');
    expect((retried.structuredContent!['budget'] as { additions: unknown[] }).additions).toHaveLength(1);
    const goal = await followUntil(admin, goalId, ['completed', 'failed']);
    expect(goal).toMatchObject({ state: 'completed', outcome: 'delivered' });
  });

  it('refuses submit_goal to a viewer, naming the role', async () => {
    const refused = await call(viewer, 'submit_goal', { text: 'anything' });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toContain('needs the role submitter');
  });

  it('answers an unknown goal with a tool error carrying its code', async () => {
    const answer = await call(viewer, 'get_goal', { goalId: 'g-20260101-000000-000000' });
    expect(answer.isError).toBe(true);
    expect(answer.content[0]?.text).toMatch(/^goal-not-found: /);
  });

  it('refuses a client without a bearer token with 401', async () => {
    const error = await connect(stack, undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StreamableHTTPError);
    expect((error as StreamableHTTPError).code).toBe(401);
  });
});
