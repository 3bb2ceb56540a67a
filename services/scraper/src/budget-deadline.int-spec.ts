import type { ServerResponse } from 'node:http';
import { BudgetExhausted, GoalFailed, SUBJECTS } from '@swarm/contracts';
import type { RunningAgent } from '@swarm/agent-kit';
import type { SwarmClient } from '@swarm/transport';
import { GoalBudgetLedger } from '@swarm/transport';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { LocalHttpServer } from './fetch/testing/local-http-server.js';
import { startLocalHttpServer } from './fetch/testing/local-http-server.js';
import { acceptedGoal, scrapeTask, startScraperAgent } from './testing/scrape-fixtures.js';

// A page that never answers must not hold a goal past its deadline: the transport ends the task at the deadline.
describe('a goal deadline while the scraper hangs', () => {
  let nats: NatsServerHandle;
  let pages: LocalHttpServer;
  let agent: RunningAgent;
  let client: SwarmClient;
  const hanging: ServerResponse[] = [];

  beforeAll(async () => {
    nats = await startNats({ forceSpawn: true });
    pages = await startLocalHttpServer((request, response) => {
      if (request.url === '/hang')
        hanging.push(response); // never answered
      else response.writeHead(404).end();
    });
    ({ agent, client } = await startScraperAgent(nats.url, pages.hostPort, {
      SWARM_INSTANCE_ID: 'scraper-deadline-1',
      SCRAPER_FETCH_TIMEOUT_MS: '600000',
    }));
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    for (const response of hanging) response.destroy();
    await pages?.close();
    await nats?.stop();
  });

  it('ends the goal with goal.failed reason budget-exhausted once its deadline passes', async () => {
    const goalId = uniqueName('g');
    const task = scrapeTask(goalId, `${pages.origin}/hang`);
    const goal = await acceptedGoal(client, goalId, [task.candidate]);
    await new GoalBudgetLedger(goal, { onExhausted: 'fail' }).open({ deadlineMs: 2_000 }, Date.now());
    await client.publish({ subject: SUBJECTS.task.scrape, message: task });

    await waitFor(() => (hanging.length > 0 ? true : undefined), {
      timeoutMs: 20_000,
      description: 'the scraper fetching the page that never answers',
    });
    const failed = await waitFor(
      async () => (await client.goalEvents(goalId)).find((m) => m.subject.endsWith('.goal.failed')),
      { timeoutMs: 30_000, description: `goal.failed of ${goalId}` },
    );
    const event = GoalFailed.parse(failed.body);
    expect(event.reason).toMatchObject({ code: 'budget-exhausted', retryable: false });
    expect(event.reason.message).toMatch(/deadline passed .* while the task ran/);
    const exhausted = await waitFor(
      async () => (await client.goalEvents(goalId)).find((m) => m.subject.endsWith('.budget.exhausted')),
      { timeoutMs: 10_000, description: `budget.exhausted of ${goalId}` },
    );
    expect(BudgetExhausted.parse(exhausted.body)).toMatchObject({
      queue: 'scrape',
      shortfall: 'deadline',
      policy: 'fail',
    });
    expect(exhausted.body).not.toHaveProperty('resumeHint');
  });
});
