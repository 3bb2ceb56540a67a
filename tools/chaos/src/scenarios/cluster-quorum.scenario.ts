import type { NatsServerHandle } from '@swarm/testing';
import { startNatsCluster, waitFor } from '@swarm/testing';
import { serverFeatures } from '@swarm/transport';
import type { ChaosSwarm } from '../harness/chaos-swarm.js';
import { startChaosSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { auditTasks } from '../harness/task-audit.js';
import type { ScenarioResult } from '../report/scenario-result.js';
import { longestGapSeconds, secondsUntilFirstAfter } from '../report/timing.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the cluster scenario. */
export interface ClusterQuorumSize {
  /** Goals of each phase (one node down; then two nodes down). */
  readonly goalsPerPhase: number;
  readonly perSecond: number;
  /** When to kill the first node, from the first submission. */
  readonly nodeDownAfterMs: number;
  /** How long two of three nodes stay down. */
  readonly quorumLossMs: number;
  readonly phaseDeadlineMs: number;
}

export const CLUSTER_QUORUM_FULL: ClusterQuorumSize = {
  goalsPerPhase: 100,
  perSecond: 20,
  nodeDownAfterMs: 3_000,
  quorumLossMs: 20_000,
  phaseDeadlineMs: 3 * 60_000,
};
export const CLUSTER_QUORUM_QUICK: ClusterQuorumSize = {
  goalsPerPhase: 15,
  perSecond: 5,
  nodeDownAfterMs: 1_500,
  quorumLossMs: 8_000,
  phaseDeadlineMs: 90_000,
};

/** How long the streams a lost node led may stay unavailable while new leaders are elected (an upper bound). */
const NODE_LOSS_ELECTION_MS = 15_000;

/** Waits until a restarted node says it is healthy (its JetStream caught up), at most 60 s. */
async function nodeHealthy(node: NatsServerHandle): Promise<void> {
  await waitFor(
    async () => {
      const response = await fetch(`${node.monitorUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
      return response.ok;
    },
    { timeoutMs: 60_000, intervalMs: 250, description: `node ${node.url} healthy` },
  );
}

/**
 * On nats-server before 2.9.21 a clustered stream does not serialize concurrent publishes that expect the same
 * last subject sequence (nats-io/nats-server#4320). The first scrape join relied on that and lost goals here; the
 * slot join does not (ADR 0002), so such a server is a harder test of it, and the note says so. Pure.
 */
export function casNote(version: string): string[] {
  return serverFeatures(version).serializedClusteredCas
    ? []
    : [
        `nats-server ${version} does not serialize concurrent compare-and-set writes on a clustered stream ` +
          '(nats-io/nats-server#4320, fixed in 2.9.21). The scrape join does not depend on it (one write-once key ' +
          'per candidate, docs/adr/0002-slot-join.md); `chaos --repro clustered-cas` shows the defect itself',
      ];
}

const exitedAgents = (swarm: ChaosSwarm) =>
  swarm.allAgents().filter((a) => a.child.exitCode !== null || a.child.signalCode !== null);

/**
 * Scenario 3: a 3-node JetStream cluster on loopback with every stream and bucket at R3 (agents get
 * SWARM_STREAM_REPLICAS=3 and all three URLs). Phase A: one node is SIGKILLed mid-run; everything completes on
 * the other two. Phase B: two nodes are killed while goals are in flight; without quorum the agents pause (their
 * processes stay up, nothing completes), and when the nodes return every goal completes.
 */
export async function runClusterQuorum(
  size: ClusterQuorumSize,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const cluster = await startNatsCluster({ size: 3 });
  try {
    const swarm = await startChaosSwarm({
      env: options.env,
      fanOut: options.fanOut,
      natsUrl: cluster.url,
      scale: { scraper: 2 },
      transport: { replicas: 3 },
    });
    try {
      const [n1, n2, n3] = cluster.nodes as [NatsServerHandle, NatsServerHandle, NatsServerHandle];
      const prefix = runPrefix('cluster');
      const startedAt = Date.now();

      // Phase A: one node down mid-run.
      const feedA = feedGoals(swarm.client, swarm.ledger, planGoals(`${prefix}-a`, size.goalsPerPhase), {
        perSecond: size.perSecond,
        deadlineMs: size.phaseDeadlineMs,
      });
      await sleep(size.nodeDownAfterMs);
      // Kill the node while goals are in flight (the swarm may keep up with the feed for a moment).
      await waitFor(() => swarm.ledger.unfinished().length > 0, {
        timeoutMs: 10_000,
        description: 'a goal open in phase A',
      }).catch(() => undefined);
      const openAtNodeLoss = swarm.ledger.unfinished().length;
      const oneDownAt = Date.now();
      await n1.kill();
      log(`node 1 killed with ${openAtNodeLoss} goals open`);
      const fedA = await feedA;
      const phaseAComplete = await swarm.ledger.waitForAll(size.phaseDeadlineMs);
      const phaseAEnd = Date.now();
      log(`phase A: ${phaseAComplete ? 'every goal ended' : 'goals still open'} with one node down`);
      await n1.restart();
      await nodeHealthy(n1);

      // Phase B: two nodes down while goals are in flight.
      const feedB = feedGoals(swarm.client, swarm.ledger, planGoals(`${prefix}-b`, size.goalsPerPhase), {
        perSecond: size.perSecond * 4,
        deadlineMs: size.phaseDeadlineMs,
      });
      await waitFor(() => swarm.ledger.submitted >= size.goalsPerPhase * 1.5, {
        timeoutMs: 60_000,
        description: 'half of phase B submitted',
      });
      const openAtLoss = swarm.ledger.unfinished().length;
      const finishedBeforeLoss = swarm.ledger.finishTimes().length;
      const quorumLostAt = Date.now();
      await Promise.all([n2.kill(), n3.kill()]);
      log(`nodes 2 and 3 killed with ${openAtLoss} goals open`);
      await sleep(size.quorumLossMs / 2);
      const aliveMidOutage = swarm.liveAgents().length;
      await sleep(size.quorumLossMs / 2);
      const exitedDuringLoss = exitedAgents(swarm);
      // Completions stamped by the server during the loss (a final event needs a quorum to be stored).
      const duringLoss = swarm.ledger.finishTimes().filter((t) => t > quorumLostAt + 1_000).length;
      await Promise.all([n2.restart(), n3.restart()]);
      const quorumBackAt = Date.now();
      log(`nodes 2 and 3 back after ${((quorumBackAt - quorumLostAt) / 1_000).toFixed(1)} s`);
      const fedB = await feedB;
      await swarm.ledger.waitForAll(size.phaseDeadlineMs);
      const audit = await auditTasks(swarm.client);
      const times = swarm.ledger.finishTimes();
      const agentsAtStart = swarm.allAgents().length;
      return await collectOutcome(swarm, {
        number: 3,
        name: 'cluster-quorum',
        title: `3-node R3 cluster, ${size.goalsPerPhase} goals with 1 node down + ${size.goalsPerPhase} with 2 down for ${size.quorumLossMs / 1_000} s`,
        startedAt,
        recoverySeconds: secondsUntilFirstAfter(times, quorumBackAt),
        // Losing one node makes the streams it led unavailable until their new leaders are elected.
        faults: [
          { instance: '*', kind: 'outage', at: oneDownAt, until: oneDownAt + NODE_LOSS_ELECTION_MS },
          { instance: '*', kind: 'outage', at: quorumLostAt, until: quorumBackAt },
        ],
        figures: {
          oneNodeDownWorstStallSeconds: Math.round(longestGapSeconds(times, oneDownAt, phaseAEnd) * 10) / 10,
          goalsOpenAtNodeLoss: openAtNodeLoss,
          goalsOpenAtQuorumLoss: openAtLoss,
          goalsFinishedBeforeQuorumLoss: finishedBeforeLoss,
          completionsStampedDuringQuorumLoss: duringLoss,
          quorumLossSeconds: Math.round((quorumBackAt - quorumLostAt) / 100) / 10,
          publishRetries: fedA.retries + fedB.retries,
          redeliveredClaims: audit.redeliveries,
        },
        checks: [
          {
            name: 'phase A: every goal ended with one node down',
            ok: phaseAComplete,
            detail: phaseAComplete
              ? `${size.goalsPerPhase} goals`
              : 'some goals did not end before node 1 returned',
          },
          {
            name: 'agents stayed up without quorum',
            ok: exitedDuringLoss.length === 0 && aliveMidOutage === agentsAtStart,
            detail:
              exitedDuringLoss.length === 0
                ? `${aliveMidOutage} of ${agentsAtStart} agent processes alive throughout`
                : `exited: ${exitedDuringLoss.map((a) => a.instance).join(', ')}`,
          },
          {
            name: 'goals were in flight when quorum was lost',
            ok: openAtLoss > 0,
            detail: `${openAtLoss} open`,
          },
          {
            name: 'every submission was eventually acknowledged',
            ok: fedA.unacked.length + fedB.unacked.length === 0,
            detail: `${fedA.unacked.length + fedB.unacked.length} never acknowledged`,
          },
        ],
        notes: [
          ...casNote(swarm.client.bus.features.version),
          'recovery = from the two nodes answering again to the first goal completing after it',
          'oneNodeDownWorstStallSeconds = the longest pause between completions after node 1 died (leader elections)',
        ],
      });
    } finally {
      await swarm.stop();
    }
  } finally {
    await cluster.stop();
  }
}
