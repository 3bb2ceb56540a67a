import type { Candidate, TaskCompleted } from '@swarm/contracts';
import { buildGoalSubmitted, CONTEXT_KEYS, QUEUES, STREAMS, SUBJECTS } from '@swarm/contracts';
import type { RunningAgent } from '@swarm/agent-kit';
import type { NatsServerHandle, ScriptedModelServer } from '@swarm/testing';
import { startNats, startScriptedModelServer, uniqueName, waitFor } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { loadSearchConfig } from './config.js';
import { startSearchAgent } from './testing/search-agent.js';

const plan = {
  topic: 'agent frameworks',
  count: 3,
  must: ['agent'],
  should: ['framework'],
  capabilityTags: ['tool-calling'],
  exclude: [],
};

// The search agent as main.ts boots it (model-backed, corpus source), on its own nats-server: production names.
describe('the goal handler with a model-backed brain', () => {
  let nats: NatsServerHandle;
  let model: ScriptedModelServer;
  let agent: RunningAgent;
  let client: SwarmClient;

  beforeAll(async () => {
    nats = await startNats({ forceSpawn: true });
    model = await startScriptedModelServer();
    const config = loadSearchConfig({
      NATS_URL: nats.url,
      SWARM_INSTANCE_ID: 'search-int-1',
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      OTEL_SDK_DISABLED: 'true',
      OTEL_METRICS_EXPORTER: 'none',
      LOG_LEVEL: 'error',
      SEARCH_SOURCES: 'corpus',
      SWARM_MODEL: 'openai-compatible:scripted',
      SWARM_MODEL_BASE_URL: `${model.url}/v1`,
    });
    ({ client, agent } = await startSearchAgent(config, nats.url));
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    await model?.close();
    await nats?.stop();
  });

  it('puts the plan in task.completed and fans out what the source tool found', async () => {
    model.enqueue(
      { kind: 'tool-calls', calls: [{ name: 'search_corpus', args: { terms: 'agent framework' } }] },
      { kind: 'json', value: plan },
    );
    const goalId = uniqueName('g');
    await client.publish(buildGoalSubmitted(goalId, { text: 'find top 3 agent frameworks', topN: 3 }));

    const completed = await waitFor(
      async () =>
        (await client.goalEvents(goalId)).find((event) => event.subject.endsWith('.task.completed'))?.body as
          TaskCompleted | undefined,
      { timeoutMs: 20_000, description: `task.completed of ${goalId}` },
    );
    expect(completed.output).toMatchObject({ terms: 'agent framework', sources: 'corpus', plan });
    expect(completed.usage).toMatchObject({ promptVersions: ['search.plan@1'], calls: 2 });

    const candidates = (await (await client.goal(goalId)).get<Candidate[]>(CONTEXT_KEYS.candidates))?.value;
    expect(candidates?.map((candidate) => candidate.name)).toEqual(completed.output['candidates']);
    expect(candidates?.length).toBe(9); // topN 3 x SEARCH_CANDIDATE_FACTOR 3
    expect((await client.bus.jsm.streams.info(STREAMS.scrape)).state.messages).toBe(9);
    const toolResult = model.requests[1]?.messages.find((message) => message.role === 'tool');
    for (const candidate of candidates ?? [])
      expect(toolResult?.content).toContain(JSON.stringify(candidate.name));
  });

  it("dead-letters a goal published on another goal's subject, with its reason, and accepts neither goal", async () => {
    const victim = uniqueName('victim');
    const decoy = uniqueName('decoy');
    const forged = buildGoalSubmitted(victim, { text: 'find agent frameworks' });
    await client.publish({ subject: SUBJECTS.event(decoy, 'goal.submitted'), message: forged.message });

    const letter = await waitFor(
      async () => (await client.deadLetters(QUEUES.search.name)).find((record) => record.goalId === decoy),
      { timeoutMs: 20_000, description: `the dead letter of ${decoy}` },
    );
    expect(letter.reason).toEqual({
      code: 'subject-goal-mismatch',
      message: `the subject swarm.evt.${decoy}.goal.submitted names goal ${decoy} but the payload names goal ${victim}`,
      retryable: false,
    });
    for (const goalId of [victim, decoy]) {
      expect(await (await client.goal(goalId)).keys()).toEqual([]);
      const types = (await client.goalEvents(goalId)).map((event) => (event.body as { type: string }).type);
      expect(types.filter((type) => type.startsWith('goal.') && type !== 'goal.submitted')).toEqual([]);
    }
  });
});
