import { CONTEXT_KEYS } from '@swarm/contracts';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, waitFor } from '@swarm/testing';
import type { Telemetry } from '@swarm/telemetry';
import { startTelemetry, TelemetryEnv } from '@swarm/telemetry';
import { runGoal } from '../src/index.js';
import type { E2eSwarm } from './e2e-harness.js';
import { finish, startSwarm } from './e2e-harness.js';
import type { ReceivedSpan } from './otlp-receiver.js';
import { startOtlpReceiver } from './otlp-receiver.js';

let nats: NatsServerHandle;
let swarm: E2eSwarm;
let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
let telemetry: Telemetry;
const quiet = () => undefined;

beforeAll(async () => {
  nats = await startNats();
  otlp = await startOtlpReceiver();
  // This test process plays the CLI: its publish of the goal is the root of the goal's trace.
  telemetry = startTelemetry({
    serviceName: 'swarm-cli',
    serviceInstanceId: 'e2e',
    env: TelemetryEnv.parse({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_METRICS_EXPORTER: 'none' }),
  });
  swarm = await startSwarm(
    nats.url,
    { scraper: 2 },
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      DELIVERY_SINKS: 'file',
    },
  );
}, 120_000);

afterAll(async () => {
  await swarm?.stop();
  await telemetry?.shutdown();
  await otlp?.close();
  await nats?.stop();
});

const forGoal = (goalId: string) => otlp.spans.filter((s) => s.attributes['swarm.goal.id'] === goalId);
const byId = (spans: readonly ReceivedSpan[]) => new Map(spans.map((s) => [s.spanId, s]));

describe('one trace per goal', () => {
  it('follows a goal across every hand-off, retry, fan-out and join as one connected trace', async () => {
    const probe = await runGoal(
      swarm.client,
      'vector database client',
      { wait: true, timeout: 60_000 },
      quiet,
    );
    const candidates = (await (
      await swarm.client.goal(probe.goalId)
    ).get<{ id: string }[]>(CONTEXT_KEYS.candidates))!.value;
    const flaky = candidates[0]!.id;
    const broken = candidates[1]!.id;
    swarm.stack.docs.setFaults({ status: { [flaky]: 503, [broken]: 503 } });
    const tried = () => swarm.stack.docs.requests().filter((r) => r.path.includes(flaky)).length;
    const before = tried();
    const { goalId } = await runGoal(
      swarm.client,
      'vector database client',
      { wait: false, timeout: 60_000 },
      quiet,
    );
    await waitFor(() => tried() > before, { description: 'the flaky page tried once' });
    swarm.stack.docs.setFaults({ status: { [broken]: 503 } });
    const { final } = await finish(swarm.client, goalId);
    expect(final.body['outcome']).toBe('delivered');
    swarm.stack.docs.setFaults({});
    await telemetry.shutdown();

    const processSpans = () => forGoal(goalId).filter((s) => s.name.startsWith('process '));
    await waitFor(() => processSpans().some((s) => s.attributes['swarm.queue'] === 'report'), {
      timeoutMs: 20_000,
      description: 'the report span exported',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    // One trace id for everything the goal caused, rooted at its submission.
    const spans = otlp.spans.filter((s) => s.traceId === forGoal(goalId)[0]!.traceId);
    expect(new Set(forGoal(goalId).map((s) => s.traceId)).size).toBe(1);
    const index = byId(spans);
    const roots = spans.filter((s) => !s.parentSpanId || !index.has(s.parentSpanId));
    expect(roots.map((s) => `${s.service}: ${s.name}`)).toEqual([
      `swarm-cli: send swarm.evt.${goalId}.goal.submitted`,
    ]);

    // Every process span is the child of a send span made by another process.
    const processes = spans.filter((s) => s.name.startsWith('process '));
    for (const span of processes) {
      const parent = index.get(span.parentSpanId);
      expect(parent?.name).toMatch(/^send /);
      expect(parent?.kind).toBe(4); // PRODUCER
      expect(span.kind).toBe(5); // CONSUMER
      expect(span.attributes).toMatchObject({ 'messaging.system': 'nats', 'swarm.goal.id': goalId });
      for (const key of [
        'messaging.destination.name',
        'messaging.consumer.group.name',
        'messaging.message.id',
        'messaging.nats.stream_sequence',
        'messaging.nats.delivery_count',
        'swarm.task.id',
        'swarm.agent.kind',
        'swarm.agent.instance',
      ]) {
        expect(span.attributes[key]).toBeDefined();
      }
    }
    const services = new Set(processes.map((s) => s.service));
    expect(services).toEqual(new Set(['search', 'scraper', 'ranker', 'communications']));

    // The join: the rank task's span links to the scrapes that fed it.
    const rank = processes.find((s) => s.attributes['swarm.queue'] === 'rank')!;
    expect(rank.links.length).toBeGreaterThanOrEqual(candidates.length - 1);
    for (const link of rank.links) {
      const linked = index.get(link.spanId);
      expect(linked?.attributes['swarm.queue']).toBe('scrape');
    }

    // A retry is a new process span with its delivery count; the first attempt failed.
    const flakyTask = `${goalId}/scrape/0`;
    const flakyAttempts = processes
      .filter((s) => s.attributes['swarm.task.id'] === flakyTask)
      .sort(
        (a, b) =>
          Number(a.attributes['messaging.nats.delivery_count']) -
          Number(b.attributes['messaging.nats.delivery_count']),
      );
    expect(flakyAttempts.map((s) => s.attributes['messaging.nats.delivery_count'])).toEqual([1, 2]);
    expect(flakyAttempts[0]!.status.code).toBe(2); // ERROR
    expect(flakyAttempts[1]!.status.code ?? 0).not.toBe(2);
    // Each process span says how its delivery was settled.
    expect(flakyAttempts.map((s) => s.attributes['messaging.nats.settlement'])).toEqual(['nak', 'ack']);

    // Dead-lettering is a span event with the reason, on a failed span.
    const brokenAttempts = processes.filter((s) => s.attributes['swarm.task.id'] === `${goalId}/scrape/1`);
    const last = brokenAttempts.find((s) => s.events.some((e) => e.name === 'dead-lettered'))!;
    expect(last.status.code).toBe(2);
    expect(last.events.find((e) => e.name === 'dead-lettered')!.attributes['swarm.dead_letter.reason']).toBe(
      'retries-exhausted',
    );

    // Settlement and work inside agents get their own spans.
    const names = new Set(spans.map((s) => s.name));
    for (const name of [
      'GET',
      'search index',
      'rank candidates',
      'kv compare-and-set',
      'object put',
      'deliver file',
    ])
      expect(names).toContain(name);
    // A fire-and-forget ack (the default) has no span of its own; naks and terms do.
    expect([...names].some((n) => n.startsWith('ack '))).toBe(false);
    expect(
      processes.filter((s) => s.attributes['messaging.nats.settlement'] === 'ack').length,
    ).toBeGreaterThan(0);
    expect([...names].some((n) => n.startsWith('nak '))).toBe(true);
    expect([...names].some((n) => n.startsWith('term '))).toBe(true);
  });

  it('serves metrics that agree with the tasks run, and logs task lines with trace, span and goal ids', async () => {
    const { goalId } = await runGoal(
      swarm.client,
      'agent observability',
      { wait: true, timeout: 60_000 },
      quiet,
    );
    const all = await swarm.client.readStream(
      swarm.client.topology.eventsStream,
      'swarm.evt.*.task.completed',
    );
    const completedByQueue = new Map<string, number>();
    for (const m of all) {
      const queue = (m.body as { queue: string }).queue;
      completedByQueue.set(queue, (completedByQueue.get(queue) ?? 0) + 1);
    }
    const processed = new Map<string, number>();
    for (const agent of swarm.stack.agents) {
      const port = /health=(\d+)/.exec(agent.lines.find((l) => l.startsWith('READY ')) ?? '')?.[1];
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('swarm_task_duration');
      expect(text).toContain('swarm_consumer_pending');
      // Read from the worker when scraped: nothing runs once the goal is done.
      expect(text).toMatch(/^swarm_tasks_in_flight\{[^}]*swarm_queue="[a-z]+"[^}]*\} 0$/m);
      for (const match of text.matchAll(/^swarm_tasks_processed_total\{([^}]*)\} (\d+)/gm)) {
        const queue = /swarm_queue="([^"]+)"/.exec(match[1]!)?.[1] ?? '';
        processed.set(queue, (processed.get(queue) ?? 0) + Number(match[2]));
      }
    }
    for (const queue of ['search', 'scrape', 'rank', 'report'])
      expect(processed.get(queue)).toBe(completedByQueue.get(queue));

    const taskLines = swarm.stack.agents
      .flatMap((a) => a.lines)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['goal_id'] !== undefined);
    expect(taskLines.length).toBeGreaterThan(0);
    for (const line of taskLines) {
      expect(line['trace_id']).toMatch(/^[0-9a-f]{32}$/);
      expect(line['span_id']).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(goalId).toBeDefined();
  });
});
