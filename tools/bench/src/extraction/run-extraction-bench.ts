import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { AcceptedGoal } from '@swarm/contracts';
import { CONTEXT_KEYS, GoalSpec, messageIds, ScrapeTask, SUBJECTS } from '@swarm/contracts';
import { exampleMessages } from '@swarm/contracts/testing';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName, waitFor } from '@swarm/testing';
import { parseTransportSettings, SwarmClient, swarmTopology } from '@swarm/transport';
import { StageProcess } from '../harness/stage-process.js';
import { readCpuMs } from '../machine/proc-stats.js';
import { docsPage, HOSTILE_PAGES } from './docs-page.js';
import type { ExtractionReport, ExtractionSample } from './extraction-figures.js';
import { linearGrowth, summarizeExtraction } from './extraction-figures.js';

/** How the extraction benchmark runs. */
export interface ExtractionBenchOptions {
  /** Docs page sizes, KiB. */
  readonly sizesKib: readonly number[];
  /** Measured scrapes per page, after `warmup` unmeasured ones. */
  readonly rounds: number;
  readonly warmup: number;
  /** The built scraper agent (`services/scraper/dist/main.js`), run as its own process. */
  readonly scraperEntry: string;
  readonly log: (line: string) => void;
}

interface Completed {
  readonly durationMs: number;
  readonly output: { readonly ok?: boolean; readonly error?: string; readonly extractMs?: number };
}

/**
 * Scrapes documentation pages of each size, then issue 15's hostile pages, one at a time through a real scraper
 * agent process (default settings) on a private nats-server, the pages served over loopback. Each sample is
 * what the agent reported in `task.completed` (extraction time `output.extractMs`, the whole task's
 * `durationMs`) and the CPU time the scraper process used over the scrape (/proc).
 */
export async function runExtractionBench(options: ExtractionBenchOptions): Promise<ExtractionReport> {
  const pages = new Map<string, { kib: number; html: string }>();
  for (const kib of options.sizesKib) pages.set(`docs-${kib}`, { kib, html: docsPage(kib) });
  for (const [name, html] of Object.entries(HOSTILE_PAGES)) {
    pages.set(name, { kib: Math.round(Buffer.byteLength(html) / 1_024), html });
  }
  const server = createServer((request, response) => {
    const page = pages.get((request.url ?? '').slice(1));
    if (page === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let nats: NatsServerHandle | undefined;
  let client: SwarmClient | undefined;
  let scraper: StageProcess | undefined;
  const startedAt = new Date().toISOString();
  try {
    nats = await startNats({ forceSpawn: true });
    client = await SwarmClient.connect(parseTransportSettings({ natsUrl: nats.url }), swarmTopology(), {
      provision: true,
      name: 'bench-extraction',
    });
    scraper = await StageProcess.start({
      label: 'scraper',
      entry: options.scraperEntry,
      env: {
        ...process.env,
        NATS_URL: nats.url,
        SWARM_INSTANCE_ID: 'bench-scraper',
        HEALTH_PORT: '0',
        HEALTH_HOST: '127.0.0.1',
        OTEL_SDK_DISABLED: 'true',
        OTEL_METRICS_EXPORTER: 'none',
        LOG_LEVEL: 'error',
        SCRAPER_ALLOW_HOSTS: new URL(origin).host,
      },
    });
    const samples: ExtractionSample[] = [];
    for (const [name, page] of pages) {
      for (let round = 0; round < options.warmup + options.rounds; round += 1) {
        const cpuBefore = await readCpuMs(scraper.pid);
        const done = await scrapeOnce(client, `${origin}/${name}`);
        const cpuAfter = await readCpuMs(scraper.pid);
        if (round < options.warmup) continue;
        samples.push({
          page: name,
          kib: page.kib,
          extractMs: done.output.extractMs ?? Number.NaN,
          taskMs: done.durationMs,
          cpuMs: (cpuAfter ?? Number.NaN) - (cpuBefore ?? Number.NaN),
          outcome: done.output.ok === true ? 'ok' : (done.output.error ?? 'failed'),
        });
      }
      options.log(`${name}: ${options.rounds} rounds`);
    }
    const rows = summarizeExtraction(samples);
    return {
      version: 1,
      startedAt,
      machine: { cpus: availableParallelism(), node: process.version },
      rounds: options.rounds,
      rows,
      growth: linearGrowth(rows),
    };
  } finally {
    await scraper?.stop();
    await client?.close();
    await nats?.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Publishes one scrape of `url` for a fresh one-candidate goal and waits for its `task.completed` event. */
async function scrapeOnce(client: SwarmClient, url: string): Promise<Completed> {
  const goalId = uniqueName('xb');
  const example = exampleMessages['task.scrape'];
  const taskId = messageIds.scrapeTask(goalId, 0);
  const task = ScrapeTask.parse({
    ...example,
    goalId,
    messageId: taskId,
    taskId,
    causationId: null,
    timestamp: new Date().toISOString(),
    candidate: { ...example.candidate, url },
    candidateIndex: 0,
    candidateCount: 1,
  });
  const goal = await client.goal(goalId);
  await goal.create<AcceptedGoal>(CONTEXT_KEYS.spec, {
    fingerprint: 'b'.repeat(16),
    goal: GoalSpec.parse({ text: 'extraction benchmark' }),
    acceptedAt: new Date().toISOString(),
  });
  await goal.create(CONTEXT_KEYS.candidates, [task.candidate]);
  await client.publish({ subject: SUBJECTS.task.scrape, message: task });
  return waitFor(
    async () => {
      const events = (await client.goalEvents(goalId)).map((message) => message.body as { type: string });
      return events.find((event): event is Completed & { type: string } => event.type === 'task.completed');
    },
    { timeoutMs: 60_000, intervalMs: 10, description: `task.completed of ${url}` },
  );
}
