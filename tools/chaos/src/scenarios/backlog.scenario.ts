import { QUEUES } from '@swarm/contracts';
import { loadCorpus } from '@swarm/corpus';
import type { AgentKind } from '@swarm/local-stack';
import { startNats } from '@swarm/testing';
import { tasksInFlight } from '../harness/agent-health.js';
import { startChaosSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { auditTasks } from '../harness/task-audit.js';
import { RssSampler } from '../probes/rss-sampler.js';
import type { ScenarioCheck, ScenarioResult } from '../report/scenario-result.js';
import { longestGapSeconds, mebibytes, ratePerSecond } from '../report/timing.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the backlog scenario. */
export interface BacklogSize {
  readonly goals: number;
  /** Delay the docs server adds to every page: the slow dependency. */
  readonly pageDelayMs: number;
  /** How long the single slow replicas work alone before replicas are added. */
  readonly soloMs: number;
  /** Replicas added per kind mid-run. */
  readonly added: Readonly<Record<AgentKind, number>>;
  readonly deadlineMs: number;
}

export const BACKLOG_FULL: BacklogSize = {
  goals: 5_000,
  pageDelayMs: 100,
  soloMs: 120_000,
  added: { search: 1, scraper: 3, ranker: 1, communications: 1 },
  deadlineMs: 40 * 60_000,
};
export const BACKLOG_QUICK: BacklogSize = {
  goals: 200,
  pageDelayMs: 100,
  soloMs: 15_000,
  added: { search: 1, scraper: 3, ranker: 1, communications: 1 },
  deadlineMs: 5 * 60_000,
};

/** The memory limit of each agent's container in k8s/base/agents: the bound RSS must stay under. */
const MEMORY_LIMIT_MIB: Readonly<Record<AgentKind, number>> = {
  search: 512,
  scraper: 384,
  ranker: 384,
  communications: 384,
};
const KINDS: readonly AgentKind[] = ['search', 'scraper', 'ranker', 'communications'];

/**
 * Scenario 6: a backlog of goals against one slow replica per agent (SWARM_IN_FLIGHT=1, every page delayed).
 * The backlog waits in the streams, not in the agents: each replica pulls one task only when its slot is free,
 * so unacknowledged deliveries stay at one per replica and memory stays flat. Replicas added mid-run drain it
 * faster. RSS of every agent process is sampled from /proc every 2 s.
 */
export async function runBacklog(size: BacklogSize, options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const nats = await startNats({ forceSpawn: true });
  try {
    const delayMs = Object.fromEntries(loadCorpus().map((pkg) => [pkg.id, size.pageDelayMs]));
    const swarm = await startChaosSwarm({
      env: options.env,
      fanOut: options.fanOut,
      natsUrl: nats.url,
      agentEnv: { SWARM_IN_FLIGHT: '1' },
      docsFaults: { delayMs },
    });
    const rss = new RssSampler(
      () => swarm.liveAgents().map((a) => ({ label: a.kind, pid: a.child.pid })),
      2_000,
    );
    const maxAckPending = new Map<string, number>();
    const maxPending = new Map<string, number>();
    const maxHeld = new Map<string, number>();
    let sampling = true;
    // What the agents hold (each one's /healthz), and what the server counts as unacknowledged: the server's
    // count also holds acks still on their way (it processes acks asynchronously), so it can run one ahead.
    const sampleHeld = async () => {
      const held = new Map<string, number>();
      const agents = swarm.liveAgents();
      const counts = await Promise.all(agents.map((agent) => tasksInFlight(agent)));
      agents.forEach((agent, i) => held.set(agent.kind, (held.get(agent.kind) ?? 0) + (counts[i] ?? 0)));
      for (const [kind, count] of held) maxHeld.set(kind, Math.max(maxHeld.get(kind) ?? 0, count));
    };
    const sampleQueues = async () => {
      while (sampling) {
        await sampleHeld();
        for (const queue of Object.values(QUEUES)) {
          const p = await swarm.client.pending(queue.stream, queue.durable).catch(() => undefined);
          if (!p) continue;
          maxAckPending.set(queue.name, Math.max(maxAckPending.get(queue.name) ?? 0, p.ackPending));
          maxPending.set(queue.name, Math.max(maxPending.get(queue.name) ?? 0, p.pending));
        }
        await sleep(1_000);
      }
    };
    try {
      rss.start();
      const queueSampler = sampleQueues();
      const startedAt = Date.now();
      const goals = planGoals(runPrefix('backlog'), size.goals);
      const feed = await feedGoals(swarm.client, swarm.ledger, goals, {
        concurrency: 32,
        deadlineMs: size.deadlineMs,
      });
      const fedAt = Date.now();
      log(`${feed.acked} goals submitted in ${((fedAt - startedAt) / 1_000).toFixed(1)} s`);
      await sleep(Math.max(0, startedAt + size.soloMs - Date.now()));
      const addAt = Date.now();
      const doneAtAdd = swarm.ledger.finishTimes().length;
      log(`${doneAtAdd} goals done with one replica each; adding replicas`);
      for (const kind of KINDS) {
        for (let i = 0; i < size.added[kind]; i++) await swarm.addAgent(kind);
      }
      const addedAt = Date.now();
      const window = addAt - startedAt;
      await swarm.ledger.waitForAll(Math.max(0, startedAt + size.deadlineMs - Date.now()), {
        stallMs: 30_000,
      });
      const endedAt = Date.now();
      sampling = false;
      await queueSampler;
      await rss.stop();
      const times = swarm.ledger.finishTimes();
      // Throughput with one replica: from the first completion to the moment replicas were added.
      const firstDone = times[0] ?? startedAt;
      const before = ratePerSecond(times, firstDone, addAt);
      const after = ratePerSecond(times, addedAt, Math.min(endedAt, addedAt + window));
      const replicas = new Map<string, number>();
      for (const agent of swarm.liveAgents()) replicas.set(agent.kind, (replicas.get(agent.kind) ?? 0) + 1);
      const history = rss.history();
      const firstSample = history.find((h) => h.bytesByPid.size > 0);
      const lastSample = [...history].reverse().find((h) => h.bytesByPid.size > 0);
      const rssFigures: Record<string, number> = {};
      const memoryChecks: ScenarioCheck[] = [];
      for (const kind of KINDS) {
        const max = rss.maxByLabel().get(kind) ?? 0;
        rssFigures[`maxRssMiB.${kind}`] = mebibytes(max);
        const start = [...(firstSample?.bytesByPid.values() ?? [])].find((s) => s.label === kind)?.bytes ?? 0;
        rssFigures[`startRssMiB.${kind}`] = mebibytes(start);
        // The first replica of the kind, at the end of the drain (it worked through the whole backlog).
        const firstPid = [...(firstSample?.bytesByPid.entries() ?? [])].find(
          ([, s]) => s.label === kind,
        )?.[0];
        const end = firstPid === undefined ? undefined : lastSample?.bytesByPid.get(firstPid)?.bytes;
        if (end !== undefined) rssFigures[`endRssMiB.${kind}`] = mebibytes(end);
        memoryChecks.push({
          name: `${kind} RSS stayed under its ${MEMORY_LIMIT_MIB[kind]} MiB container limit`,
          ok: max > 0 && mebibytes(max) < MEMORY_LIMIT_MIB[kind],
          detail: `started at ${mebibytes(start)} MiB, peaked at ${mebibytes(max)} MiB over ${history.length} samples`,
        });
      }
      const flowChecks: ScenarioCheck[] = Object.values(QUEUES).map((queue) => {
        const limit = 1 + size.added[queue.agent];
        const held = maxHeld.get(queue.agent) ?? 0;
        return {
          name: `${queue.name}: tasks held by the agents never above replicas x in-flight (${limit} x 1)`,
          ok: held <= limit,
          detail:
            `max ${held} held (server-side unacknowledged: max ${maxAckPending.get(queue.name) ?? 0}) while up ` +
            `to ${maxPending.get(queue.name) ?? 0} waited in the stream`,
        };
      });
      // A delivery that went astray (into a pull request that had already expired) waits out its ack wait and
      // shows up here as a redelivery.
      const audit = await auditTasks(swarm.client);
      return await collectOutcome(swarm, {
        number: 6,
        name: 'backlog',
        title: `backlog of ${size.goals} goals, one slow replica per agent (in-flight 1, pages +${size.pageDelayMs} ms), then more`,
        startedAt,
        recoverySeconds: longestGapSeconds(times, firstDone, endedAt),
        figures: {
          submitSeconds: Math.round((fedAt - startedAt) / 100) / 10,
          goalsPerSecondOneReplica: Math.round(before * 100) / 100,
          goalsPerSecondAfterAdding: Math.round(after * 100) / 100,
          speedup: before > 0 ? Math.round((after / before) * 100) / 100 : 0,
          redeliveredClaims: audit.redeliveries,
          replicasAfterAdding: [...replicas.entries()].map(([k, n]) => `${k} x${n}`).join(', '),
          goalsDoneBeforeAdding: doneAtAdd,
          maxBacklogScrape: maxPending.get('scrape') ?? 0,
          maxBacklogSearch: maxPending.get('search') ?? 0,
          ...rssFigures,
        },
        checks: [
          ...memoryChecks,
          ...flowChecks,
          {
            name: 'adding replicas drained the backlog faster',
            ok: after > before,
            detail: `${before.toFixed(2)} -> ${after.toFixed(2)} goals/s`,
          },
        ],
        notes: [
          'recovery = the longest pause between two completions over the whole drain',
          `throughput before = completions per second from the first completion until replicas were added; after = ` +
            `completions per second over an equally long window (${Math.round(window / 1_000)} s) once they were up`,
        ],
      });
    } finally {
      sampling = false;
      await rss.stop();
      await swarm.stop();
    }
  } finally {
    await nats.stop();
  }
}
