import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_KEYS, QUEUES, ScrapeOutcome, SUBJECTS } from '@swarm/contracts';
import type { RunningAgent } from '@swarm/agent-kit';
import type { SwarmClient } from '@swarm/transport';
import type { NatsServerHandle } from '@swarm/testing';
import { deepPage, startNats, uniqueName, waitFor, widePage } from '@swarm/testing';
import type { LocalHttpServer } from './fetch/testing/local-http-server.js';
import { startLocalHttpServer } from './fetch/testing/local-http-server.js';
import { acceptedGoal, scrapeTask, startScraperAgent } from './testing/scrape-fixtures.js';

const PAGES: Record<string, string> = {
  // Issue 15: 469 KiB of 60,000 paragraphs, and 10,000 nested divs.
  '/wide': widePage(),
  '/deep': deepPage(),
  '/docs': readFileSync(join(__dirname, 'domain/fixtures/docs-page.html'), 'utf8'),
};
const HOSTILE = ['/wide', '/deep'];

interface Scraped {
  readonly goalId: string;
  readonly outcome: ScrapeOutcome;
}

// The scraper agent as main.ts boots it (builtin brain, default extraction bounds), one extraction thread, and a
// lease short enough that a blocked event loop would lose it: a stall would show as a second claim.
describe('the scraper agent on hostile pages', () => {
  let nats: NatsServerHandle;
  let pages: LocalHttpServer;
  let agent: RunningAgent;
  let client: SwarmClient;
  const served = new Set<string>();
  const landed = new Set<string>();
  let healthWhileHostile = 0;
  let healthFailures = 0;
  const results = new Map<string, Scraped>();

  beforeAll(async () => {
    nats = await startNats({ forceSpawn: true });
    pages = await startLocalHttpServer((request, response) => {
      const page = PAGES[request.url ?? ''];
      if (page === undefined) return void response.writeHead(404).end();
      response.once('finish', () => served.add(request.url ?? ''));
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    ({ agent, client } = await startScraperAgent(nats.url, pages.hostPort, {
      SWARM_INSTANCE_ID: 'scraper-hostile-1',
      SCRAPER_EXTRACT_THREADS: '1',
      SWARM_ACK_WAIT_MS: '2000',
      SWARM_HEARTBEAT_MS: '500',
      SWARM_BACKOFF_MS: '100',
    }));

    // /healthz is asked over and over; an answer counts while a hostile page is served but not yet landed.
    let probing = true;
    const healthz = `http://127.0.0.1:${agent.health.port}/healthz`;
    const probe = (async () => {
      while (probing) {
        const ok = await fetch(healthz).then(
          (response) => response.ok,
          () => false,
        );
        const hostileRunning = HOSTILE.some((path) => served.has(path) && !landed.has(path));
        if (!ok) healthFailures += 1;
        else if (hostileRunning) healthWhileHostile += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    // The two hostile pages first, then a normal page queued behind them in the one extraction thread.
    const goals = await Promise.all(
      Object.keys(PAGES).map(async (path) => {
        const goalId = uniqueName('g');
        const task = scrapeTask(goalId, `${pages.origin}${path}`);
        return { path, goalId, task, goal: await acceptedGoal(client, goalId, [task.candidate]) };
      }),
    );
    for (const { task } of goals) await client.publish({ subject: SUBJECTS.task.scrape, message: task });
    await Promise.all(
      goals.map(async ({ path, goalId, goal }) => {
        const slot = await waitFor(() => goal.get(CONTEXT_KEYS.scrape(0), ScrapeOutcome), {
          timeoutMs: 30_000,
          description: `the join slot of ${path}`,
        });
        landed.add(path);
        results.set(path, { goalId, outcome: slot.value });
      }),
    );
    probing = false;
    await probe;
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    await pages?.close();
    await nats?.stop();
  });

  /** The types of a goal's events once its scrape has completed. */
  async function eventTypes(goalId: string): Promise<string[]> {
    return waitFor(
      async () => {
        const types = (await client.goalEvents(goalId)).map((m) => (m.body as { type: string }).type);
        return types.includes('task.completed') ? types : undefined;
      },
      { timeoutMs: 20_000, description: `task.completed of ${goalId}` },
    );
  }

  it.each(HOSTILE)('records %s as missing with the permanent reason page-too-complex', (path) => {
    expect(results.get(path)?.outcome).toMatchObject({
      ok: false,
      error: { code: 'page-too-complex', retryable: false },
    });
  });

  it.each(HOSTILE)('claims %s once: no retry, no dead letter', async (path) => {
    const { goalId } = results.get(path)!;
    const types = await eventTypes(goalId);
    expect(types.filter((type) => type === 'task.claimed')).toHaveLength(1);
    const letters = await client.deadLetters(QUEUES.scrape.name);
    expect(letters.some((record) => record.goalId === goalId)).toBe(false);
  });

  it('completes the normal page queued behind them, claimed once', async () => {
    const { goalId, outcome } = results.get('/docs')!;
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.extract.title).toContain('Fastify Lite');
    const types = await eventTypes(goalId);
    expect(types.filter((type) => type === 'task.claimed')).toHaveLength(1);
  });

  it('answers /healthz while the hostile pages are extracted, and never fails it', () => {
    expect(healthWhileHostile).toBeGreaterThan(0);
    expect(healthFailures).toBe(0);
  });
});
