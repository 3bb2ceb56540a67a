import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_KEYS, QUEUES, ScrapeOutcome, SUBJECTS } from '@swarm/contracts';
import type { RunningAgent } from '@swarm/agent-kit';
import type { SwarmClient } from '@swarm/transport';
import { addToGoalBudget, GoalBudgetLedger } from '@swarm/transport';
import type { NatsServerHandle, ScriptedModelServer } from '@swarm/testing';
import { startNats, startScriptedModelServer, uniqueName, waitFor } from '@swarm/testing';
import type { LocalHttpServer } from './fetch/testing/local-http-server.js';
import { startLocalHttpServer } from './fetch/testing/local-http-server.js';
import { acceptedGoal, scrapeTask, startScraperAgent } from './testing/scrape-fixtures.js';

const html = readFileSync(join(__dirname, 'domain/fixtures/docs-page.html'), 'utf8');
const validFacts = {
  features: ['HTTP/2 support'],
  integrations: ['Node.js'],
  claims: [{ claim: 'handles high load', quote: 'up to 30k requests per second' }],
};
const repeatedFeatures = { ...validFacts, features: ['Logging', 'logging'] };

// The scraper agent as main.ts boots it (model-backed), on its own nats-server: the production stream names.
describe('the scrape handler with a model-backed brain', () => {
  let nats: NatsServerHandle;
  let pages: LocalHttpServer;
  let model: ScriptedModelServer;
  let agent: RunningAgent;
  let client: SwarmClient;

  beforeAll(async () => {
    nats = await startNats({ forceSpawn: true });
    pages = await startLocalHttpServer((request, response) => {
      if (request.url === '/docs') response.writeHead(200, { 'content-type': 'text/html' }).end(html);
      else response.writeHead(404).end();
    });
    model = await startScriptedModelServer();
    ({ agent, client } = await startScraperAgent(nats.url, pages.hostPort, {
      SWARM_INSTANCE_ID: 'scraper-int-1',
      SWARM_MODEL: 'openai-compatible:scripted',
      SWARM_MODEL_BASE_URL: `${model.url}/v1`,
      SWARM_MODEL_MAX_CORRECTIONS: '0',
    }));
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    await Promise.all([pages?.close(), model?.close()]);
    await nats?.stop();
  });

  /** Publishes a scrape of `path` for a fresh goal and waits until its outcome is in the join. */
  async function scrape(path: string): Promise<{ goalId: string; outcome: ScrapeOutcome }> {
    const goalId = uniqueName('g');
    const task = scrapeTask(goalId, `${pages.origin}${path}`);
    const goal = await acceptedGoal(client, goalId, [task.candidate]);
    await client.publish({ subject: SUBJECTS.task.scrape, message: task });
    const slot = await waitFor(() => goal.get(CONTEXT_KEYS.scrape(0), ScrapeOutcome), {
      timeoutMs: 20_000,
      description: `the join slot of ${goalId}`,
    });
    return { goalId, outcome: slot.value };
  }

  it("lands the model's features, integrations and quoted claims in the join", async () => {
    model.enqueue({ kind: 'json', value: validFacts });
    const { outcome } = await scrape('/docs');

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.extract).toMatchObject({ ...validFacts, title: expect.stringContaining('Fastify Lite') });
    expect(outcome.extract.text).toContain(validFacts.claims[0]?.quote);
  });

  it('dead-letters invalid model output and still lands the scrape in the join as failed', async () => {
    model.enqueue({ kind: 'json', value: repeatedFeatures });
    const { goalId, outcome } = await scrape('/docs');

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({
      code: 'invalid-model-output',
      retryable: false,
      model: {
        model: 'openai-compatible:scripted',
        promptVersion: 'scraper.facts@1',
        errors: ['feature "logging" is listed more than once (case-insensitive): keep one'],
      },
    });
    const letters = await client.deadLetters(QUEUES.scrape.name);
    const letter = letters.find((record) => record.goalId === goalId);
    expect(letter?.reason).toMatchObject({
      code: 'invalid-model-output',
      model: { promptVersion: 'scraper.facts@1' },
    });
  });

  it('records a page that cannot be fetched as missing, without asking the model or dead-lettering', async () => {
    const before = model.requests.length;
    const { goalId, outcome } = await scrape('/gone');

    expect(outcome).toMatchObject({ ok: false, error: { code: 'http-404', retryable: false } });
    expect(model.requests.length).toBe(before);
    const letters = await client.deadLetters(QUEUES.scrape.name);
    expect(letters.some((record) => record.goalId === goalId)).toBe(false);
  });

  it("refuses a scrape of a page its goal's search did not fan out to: dead-lettered, never fetched or landed", async () => {
    const goalId = uniqueName('g');
    const task = scrapeTask(goalId, `${pages.origin}/docs`);
    const goal = await acceptedGoal(client, goalId, [
      { ...task.candidate, url: `${pages.origin}/elsewhere` },
    ]);
    const before = model.requests.length;
    await client.publish({ subject: SUBJECTS.task.scrape, message: task });

    const letter = await waitFor(
      async () => (await client.deadLetters(QUEUES.scrape.name)).find((record) => record.goalId === goalId),
      { timeoutMs: 20_000, description: `the dead letter of ${goalId}` },
    );
    expect(letter.reason).toMatchObject({ code: 'task-not-due', retryable: false });
    expect(letter.reason.message).toContain(`not fastify-lite (${pages.origin}/docs)`);
    expect(await goal.get(CONTEXT_KEYS.scrape(0))).toBeUndefined();
    expect(model.requests.length).toBe(before);
    const events = (await client.goalEvents(goalId)).map((m) => (m.body as { type: string }).type);
    expect(events).toContain('task.failed');
    expect(events).not.toContain('goal.failed');
  });

  // A goal whose budget is spent under `pause`: the task is parked (no model call, no failed goal, no slot held),
  // and a human's addition resumes it.
  it('parks the scrape without calling the model or failing the goal, and resumes it when a human adds calls', async () => {
    const goalId = uniqueName('g');
    const task = scrapeTask(goalId, `${pages.origin}/docs`);
    const goal = await acceptedGoal(client, goalId, [task.candidate]);
    await new GoalBudgetLedger(goal, { onExhausted: 'fail' }).open(
      { modelCalls: 0, onExhausted: 'pause' },
      Date.now(),
    );
    const before = model.requests.length;
    await client.publish({ subject: SUBJECTS.task.scrape, message: task });

    const parked = await waitFor(
      async () => (await client.deadLetters(QUEUES.scrape.name)).find((record) => record.goalId === goalId),
      { timeoutMs: 20_000, description: `the parked scrape of ${goalId}` },
    );
    expect(parked.reason).toMatchObject({ code: 'budget-exhausted', retryable: false });
    expect(model.requests.length).toBe(before);
    expect(await goal.get(CONTEXT_KEYS.scrape(0))).toBeUndefined();
    const events = await client.goalEvents(goalId);
    expect(events.some((m) => m.subject.endsWith('.goal.failed'))).toBe(false);

    model.enqueue({ kind: 'json', value: validFacts });
    const { resumed, record } = await addToGoalBudget(
      client,
      goalId,
      { by: 'alice', add: { modelCalls: 3 } },
      { onExhausted: 'fail' },
    );
    expect(resumed).toEqual([parked.messageId]);
    expect(record.additions).toEqual([expect.objectContaining({ by: 'alice', resumed: [parked.messageId] })]);

    const slot = await waitFor(() => goal.get(CONTEXT_KEYS.scrape(0), ScrapeOutcome), {
      timeoutMs: 20_000,
      description: `the join slot of ${goalId}`,
    });
    expect(slot.value.ok).toBe(true);
    const spent = (await new GoalBudgetLedger(goal, { onExhausted: 'fail' }).read())!;
    expect(spent.spent.modelCalls).toBe(1);
    expect(spent.exhausted).toBeUndefined();
    // The timeline: the scraper's budget.exhausted (pause, with how to resume), alice's budget.added, the resumed
    // scrape's completion.
    const timeline = await waitFor(
      async () => {
        const bodies = (await client.goalEvents(goalId)).map((m) => m.body as Record<string, unknown>);
        return bodies.some((b) => b['type'] === 'task.completed') ? bodies : undefined;
      },
      { timeoutMs: 20_000, description: `the completion of the resumed scrape of ${goalId}` },
    );
    const types = timeline.map((b) => b['type']);
    expect(types.filter((type) => type === 'budget.exhausted')).toHaveLength(1);
    expect(types.indexOf('budget.exhausted')).toBeLessThan(types.indexOf('budget.added'));
    expect(types.indexOf('budget.added')).toBeLessThan(types.indexOf('task.completed'));
    expect(timeline.find((b) => b['type'] === 'budget.exhausted')).toMatchObject({
      queue: 'scrape',
      policy: 'pause',
      shortfall: 'modelCalls',
      resumeHint: `swarm budget ${goalId} --add calls=1`,
    });
    expect(timeline.find((b) => b['type'] === 'budget.added')).toMatchObject({
      by: 'alice',
      resumed: [parked.messageId],
    });
  });
});
