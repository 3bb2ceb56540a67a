import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { RunningAgent } from '@swarm/agent-kit';
import { buildGoalSubmitted, QUEUES } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import type { SwarmClient } from '@swarm/transport';
import { loadSearchConfig } from '../config.js';
import { startSearchAgent } from '../testing/search-agent.js';

const SECRET = 'sk-live-5ecret-0f-the-source';

// Spans are captured in memory: the transport's tracer reaches the globally registered provider.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

const RESULTS = [
  { name: 'orbit-agent', summary: 'An agent framework.', url: 'https://docs.example.test/orbit-agent' },
  { name: 'relay-agent', summary: 'An agent relay.', url: 'https://docs.example.test/relay-agent' },
];

// The search agent as main.ts boots it (builtin brain), with remote sources whose URLs carry a key, on its own
// nats-server: whatever the sources do, the key never reaches the bus or a span.
describe('a search source url carrying a key', () => {
  let nats: NatsServerHandle;
  let api: Server;
  let agent: RunningAgent;
  let client: SwarmClient;
  const requests: string[] = [];

  beforeAll(async () => {
    api = createServer((req, res) => {
      requests.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'http://api.test');
      if (url.pathname === '/api') {
        if (url.searchParams.get('api_key') !== SECRET) return void res.writeHead(401).end();
        if ((url.searchParams.get('q') ?? '').includes('forbidden'))
          return void res.writeHead(400).end(`no, ${SECRET}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ results: RESULTS }));
      }
      // A hostile feed: it sends the agent to the cloud metadata address.
      if (url.pathname === '/hostile.xml')
        return void res.writeHead(302, { location: `http://169.254.169.254/?token=${SECRET}` }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    nats = await startNats({ forceSpawn: true });
    const config = loadSearchConfig({
      NATS_URL: nats.url,
      SWARM_INSTANCE_ID: 'search-secrets-1',
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      OTEL_SDK_DISABLED: 'true',
      OTEL_METRICS_EXPORTER: 'none',
      LOG_LEVEL: 'error',
      SEARCH_SOURCES: [
        `http:${origin}/api?api_key=${SECRET}`,
        `feed:${origin}/gone.xml?token=${SECRET}`,
        `feed:https://user:${SECRET}@feeds.example.test/rss.xml`,
        `feed:${origin}/hostile.xml?key=${SECRET}`,
      ].join(','),
      SEARCH_SOURCE_ALLOW_HOSTS: new URL(origin).host,
    });
    ({ client, agent } = await startSearchAgent(config, nats.url));
  });

  afterAll(async () => {
    await agent?.close();
    await client?.close();
    await nats?.stop();
    api?.closeAllConnections();
    await new Promise((resolve) => api?.close(resolve));
    await provider.shutdown();
  });

  it('never shows the key in the events of a goal the sources answered, though the api received it', async () => {
    const goalId = uniqueName('g');
    await client.publish(buildGoalSubmitted(goalId, { text: 'find top 2 agent frameworks', topN: 2 }));
    const events = await waitFor(
      async () => {
        const read = await client.goalEvents(goalId);
        return read.some((event) => event.subject.endsWith('.task.completed')) ? read : undefined;
      },
      { timeoutMs: 20_000, description: `task.completed of ${goalId}` },
    );
    const onTheBus = JSON.stringify(events.map((event) => event.body));
    // The failing feeds were reported, named and explained, without the key.
    expect(onTheBus).toContain('api_key=REDACTED');
    expect(onTheBus).toContain('token=REDACTED');
    expect(onTheBus).toContain('https://REDACTED:REDACTED@feeds.example.test/rss.xml');
    expect(onTheBus).toContain(
      'refused http://169.254.169.254/?token=REDACTED : resolves to 169.254.169.254',
    );
    expect(onTheBus).not.toContain(SECRET);
    expect(requests.some((path) => path.includes(`api_key=${SECRET}`))).toBe(true);
  });

  it('never shows the key in the dead letter, the events or the spans of a goal every source failed', async () => {
    const goalId = uniqueName('g');
    await client.publish(buildGoalSubmitted(goalId, { text: 'find forbidden agent frameworks', topN: 2 }));
    const letter = await waitFor(
      async () => (await client.deadLetters(QUEUES.search.name)).find((record) => record.goalId === goalId),
      { timeoutMs: 20_000, description: `the dead letter of ${goalId}` },
    );
    expect(letter.reason).toMatchObject({ code: 'source-rejected', retryable: false });
    expect(letter.reason.message).toContain('api_key=REDACTED');
    expect(JSON.stringify(letter)).not.toContain(SECRET);
    const events = await waitFor(
      async () => {
        const read = await client.goalEvents(goalId);
        return read.some((event) => event.subject.endsWith('.goal.failed')) ? read : undefined;
      },
      { timeoutMs: 20_000, description: `goal.failed of ${goalId}` },
    );
    expect(JSON.stringify(events.map((event) => event.body))).not.toContain(SECRET);

    const spans = exporter.getFinishedSpans();
    const recorded = JSON.stringify(
      spans.map((span) => ({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        status: span.status,
      })),
    );
    expect(recorded).toContain('swarm.search.sources');
    expect(recorded).toContain('api_key=REDACTED');
    expect(recorded).not.toContain(SECRET);
  });
});
