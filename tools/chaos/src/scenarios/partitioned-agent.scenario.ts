import type { AgentKind } from '@swarm/local-stack';
import { loadCorpus } from '@swarm/corpus';
import { startNats, waitFor } from '@swarm/testing';
import { tasksInFlight } from '../harness/agent-health.js';
import { startChaosSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import type { Claim } from '../harness/task-audit.js';
import { auditTasks } from '../harness/task-audit.js';
import { TcpProxy } from '../faults/tcp-proxy.js';
import type { AgentFault } from '../report/resend-attribution.js';
import type { ScenarioCheck, ScenarioResult } from '../report/scenario-result.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the partition scenario. */
export interface PartitionedAgentSize {
  readonly goals: number;
  readonly perSecond: number;
  /** The kind of the replica behind the proxy (it has one ordinary sibling). */
  readonly kind: AgentKind;
  /** Delay the docs server adds to every page, so tasks last long enough to be caught mid-way. */
  readonly pageDelayMs: number;
  /** How long each partition lasts (well past the 3 s ack wait). */
  readonly partitionMs: number;
  /** When the first partition starts, from the first submission. */
  readonly firstAfterMs: number;
  readonly deadlineMs: number;
}

export const PARTITIONED_AGENT_FULL: PartitionedAgentSize = {
  goals: 400,
  perSecond: 6,
  kind: 'scraper',
  pageDelayMs: 200,
  partitionMs: 12_000,
  firstAfterMs: 8_000,
  deadlineMs: 8 * 60_000,
};
export const PARTITIONED_AGENT_QUICK: PartitionedAgentSize = {
  goals: 100,
  perSecond: 4,
  kind: 'scraper',
  pageDelayMs: 200,
  partitionMs: 5_000,
  firstAfterMs: 2_000,
  deadlineMs: 3 * 60_000,
};

/** One partition the scenario made. */
interface Partition {
  readonly mode: 'freeze' | 'cut';
  readonly at: number;
  readonly healedAt: number;
}

/** What happened to the claims a cut-off replica held when a partition started. Pure. */
export function claimsTakenOver(
  claims: readonly Claim[],
  completedAt: ReadonlyMap<string, readonly number[]>,
  instance: string,
  partition: { readonly at: number; readonly healedAt: number },
): { held: number; takenOver: number; firstTakeoverSeconds: number | undefined } {
  const held = claims.filter(
    (c) =>
      c.instance === instance &&
      c.at <= partition.at &&
      !(completedAt.get(c.taskId) ?? []).some((t) => t <= partition.at) &&
      !claims.some((later) => later.taskId === c.taskId && later.at > c.at && later.at <= partition.at),
  );
  let takenOver = 0;
  let first: number | undefined;
  for (const claim of held) {
    const retake = claims.find(
      (other) => other.taskId === claim.taskId && other.instance !== instance && other.at > partition.at,
    );
    if (!retake) continue;
    takenOver += 1;
    first = first === undefined ? retake.at : Math.min(first, retake.at);
  }
  return {
    held: held.length,
    takenOver,
    firstTakeoverSeconds: first === undefined ? undefined : (first - partition.at) / 1_000,
  };
}

/**
 * Scenario 7: one replica reaches NATS only through a TCP proxy, which is partitioned twice mid-run: first
 * frozen (bytes stop flowing, sockets stay open, as a silently dropping link), then cut (connections destroyed,
 * new ones refused). The server redelivers its unacknowledged claims to the other replica after the ack wait;
 * when the link heals the replica reconnects and goes back to work, and nothing it finishes late is doubled:
 * its late hand-offs and events carry the same message ids, its webhook sends are guarded by the side-effect
 * ledger.
 */
export async function runPartitionedAgent(
  size: PartitionedAgentSize,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const nats = await startNats({ forceSpawn: true });
  try {
    const swarm = await startChaosSwarm({
      env: options.env,
      fanOut: options.fanOut,
      natsUrl: nats.url,
      scale: { [size.kind]: 1 },
      docsFaults: { delayMs: Object.fromEntries(loadCorpus().map((pkg) => [pkg.id, size.pageDelayMs])) },
    });
    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: nats.port });
    try {
      const instance = `${size.kind}-cut`;
      const cutAgent = await swarm.spawnAgentWith(size.kind, instance, { NATS_URL: proxy.url });
      const startedAt = Date.now();
      const feeding = feedGoals(swarm.client, swarm.ledger, planGoals(runPrefix('cut'), size.goals), {
        perSecond: size.perSecond,
        deadlineMs: size.deadlineMs,
      });
      const partitions: Partition[] = [];
      await sleep(size.firstAfterMs);
      for (const mode of ['freeze', 'cut'] as const) {
        // Partition while the replica holds work, so there are claims to take over (bounded wait).
        await waitFor(async () => ((await tasksInFlight(cutAgent)) ?? 0) > 0, {
          timeoutMs: 10_000,
          intervalMs: 20,
          description: `${instance} busy`,
        }).catch(() => log(`${instance} was idle when the ${mode} started`));
        const at = Date.now();
        if (mode === 'freeze') proxy.freeze();
        else proxy.cut();
        log(
          `${instance} ${mode === 'freeze' ? 'frozen' : 'cut off'} with ${swarm.ledger.unfinished().length} goals open`,
        );
        await sleep(size.partitionMs);
        proxy.heal();
        partitions.push({ mode, at, healedAt: Date.now() });
        log(`${instance} healed`);
        await sleep(size.partitionMs);
      }
      await feeding;
      await swarm.ledger.waitForAll(Math.max(0, startedAt + size.deadlineMs - Date.now()));
      const audit = await auditTasks(swarm.client);
      const completedAt = new Map<string, number[]>();
      for (const [taskId, entry] of audit.completions) completedAt.set(taskId, [...entry.times]);
      const faults: AgentFault[] = partitions.map((p) => ({
        instance,
        kind: 'partition',
        at: p.at,
        until: p.healedAt,
      }));
      const checks: ScenarioCheck[] = [];
      const figures: Record<string, number | string> = {};
      for (const partition of partitions) {
        const taken = claimsTakenOver(audit.claims, completedAt, instance, partition);
        const backAfter = audit.claims.find((c) => c.instance === instance && c.at > partition.healedAt);
        figures[`${partition.mode}.claimsHeld`] = taken.held;
        figures[`${partition.mode}.claimsTakenOver`] = taken.takenOver;
        if (taken.firstTakeoverSeconds !== undefined)
          figures[`${partition.mode}.firstTakeoverSeconds`] =
            Math.round(taken.firstTakeoverSeconds * 10) / 10;
        if (backAfter)
          figures[`${partition.mode}.backToWorkSeconds`] =
            Math.round((backAfter.at - partition.healedAt) / 100) / 10;
        checks.push(
          {
            name: `${partition.mode}: every claim the replica held went to the other replica`,
            ok: taken.takenOver === taken.held,
            detail: `${taken.takenOver} of ${taken.held} held claims re-claimed by another replica`,
          },
          {
            name: `${partition.mode}: the replica came back to work after the link healed`,
            ok: backAfter !== undefined,
            detail: backAfter
              ? `claimed ${backAfter.taskId} ${((backAfter.at - partition.healedAt) / 1_000).toFixed(1)} s after healing`
              : 'no claim after healing',
          },
        );
      }
      const redeliveredToOthers = audit.claims.filter(
        (c) => c.deliveryCount > 1 && c.instance !== instance,
      ).length;
      const cutClaims = audit.claims.filter((c) => c.instance === instance).length;
      checks.push(
        {
          name: 'the cut-off replica process stayed up',
          ok: cutAgent.child.exitCode === null && cutAgent.child.signalCode === null,
          detail: `exit ${cutAgent.child.exitCode ?? cutAgent.child.signalCode ?? 'none'}`,
        },
        {
          name: 'no task completion stored twice',
          ok: audit.completedTwice.length === 0,
          detail: audit.completedTwice.length === 0 ? 'none' : audit.completedTwice.slice(0, 5).join(', '),
        },
      );
      const firstHeal = partitions[0];
      return await collectOutcome(swarm, {
        number: 7,
        name: 'partitioned-agent',
        title: `${size.goals} goals, one ${size.kind} replica behind a TCP proxy frozen then cut for ${size.partitionMs / 1_000} s each`,
        startedAt,
        recoverySeconds:
          firstHeal && figures['freeze.firstTakeoverSeconds'] !== undefined
            ? Number(figures['freeze.firstTakeoverSeconds'])
            : undefined,
        faults,
        figures: {
          ...figures,
          claimsByCutReplica: cutClaims,
          redeliveredToOtherReplicas: redeliveredToOthers,
          proxyConnections: `${proxy.counts.accepted} accepted, ${proxy.counts.refused} refused`,
        },
        checks,
        notes: [
          'recovery = from the freeze to the first of its claims re-claimed by another replica (the ack wait is 3 s)',
          'claims held = tasks the cut-off replica had claimed (task.claimed event) and not finished when the link ' +
            'went down; tasks the server delivered into the frozen link never produced a claim event and show up ' +
            'as deliveries > 1 at the other replica (redeliveredToOtherReplicas)',
        ],
      });
    } finally {
      await swarm.stop();
      await proxy.close();
    }
  } finally {
    await nats.stop();
  }
}
