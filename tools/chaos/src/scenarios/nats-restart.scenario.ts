import { withPrivateSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { auditTasks } from '../harness/task-audit.js';
import type { ScenarioResult } from '../report/scenario-result.js';
import { secondsUntilFirstAfter } from '../report/timing.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the broker-restart scenario. */
export interface NatsRestartSize {
  readonly goals: number;
  readonly perSecond: number;
  /** When to SIGKILL the server, from the first submission. */
  readonly killAfterMs: number;
  /** How long the server stays down. */
  readonly downMs: number;
  readonly deadlineMs: number;
}

// Fed faster than the swarm finishes goals here (about 40/s on 2 cores), so that many are open at the kill and
// the feed goes on through the outage.
export const NATS_RESTART_FULL: NatsRestartSize = {
  goals: 600,
  perSecond: 60,
  killAfterMs: 5_000,
  downMs: 8_000,
  deadlineMs: 10 * 60_000,
};
export const NATS_RESTART_QUICK: NatsRestartSize = {
  goals: 30,
  perSecond: 5,
  killAfterMs: 3_000,
  downMs: 3_000,
  deadlineMs: 120_000,
};

/**
 * Scenario 2: nats-server with a file store is SIGKILLed mid-run and started again on the same port and store.
 * Agents and the client reconnect by themselves; publishes refused while it is down are retried by the
 * submitter with the same message ids; every goal completes.
 */
export function runNatsRestart(size: NatsRestartSize, options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  return withPrivateSwarm(
    {
      env: options.env,
      fanOut: options.fanOut,
      scale: { scraper: 2 },
    },
    async (swarm, nats) => {
      const startedAt = Date.now();
      const goals = planGoals(runPrefix('restart'), size.goals);
      const feeding = feedGoals(swarm.client, swarm.ledger, goals, {
        perSecond: size.perSecond,
        deadlineMs: size.deadlineMs,
      });
      await sleep(size.killAfterMs);
      const agentsBefore = swarm.liveAgents().length;
      const openAtKill = swarm.ledger.unfinished().length;
      const killedAt = Date.now();
      await nats.kill();
      log(`nats-server killed with ${openAtKill} goals open`);
      await sleep(size.downMs);
      const agentsDuringOutage = swarm.liveAgents().length;
      await nats.restart();
      const restartedAt = Date.now();
      log(`nats-server back after ${((restartedAt - killedAt) / 1_000).toFixed(1)} s`);
      const feed = await feeding;
      const deadline = startedAt + size.deadlineMs;
      await swarm.ledger.waitForAll(Math.max(0, deadline - Date.now()));
      const audit = await auditTasks(swarm.client);
      const times = swarm.ledger.finishTimes();
      const exited = swarm
        .allAgents()
        .filter((a) => a.child.exitCode !== null || a.child.signalCode !== null);
      return await collectOutcome(swarm, {
        number: 2,
        name: 'nats-restart',
        title: `${size.goals} goals, nats-server (file store) SIGKILLed for ${size.downMs / 1_000} s mid-run`,
        startedAt,
        recoverySeconds: secondsUntilFirstAfter(times, restartedAt),
        faults: [{ instance: '*', kind: 'outage', at: killedAt, until: restartedAt }],
        figures: {
          goalsOpenAtKill: openAtKill,
          outageSeconds: Math.round((restartedAt - killedAt) / 100) / 10,
          publishRetries: feed.retries,
          unackedSubmissions: feed.unacked.length,
          redeliveredClaims: audit.redeliveries,
        },
        checks: [
          {
            name: 'no agent process exited during or after the outage',
            ok: exited.length === 0 && agentsDuringOutage === agentsBefore,
            detail:
              exited.length === 0
                ? `${agentsBefore} agents alive throughout`
                : `exited: ${exited.map((a) => `${a.instance} (${a.child.exitCode ?? a.child.signalCode})`).join(', ')}`,
          },
          {
            name: 'every submission was eventually acknowledged',
            ok: feed.unacked.length === 0,
            detail: `${feed.unacked.length} never acknowledged`,
          },
        ],
        notes: ['recovery = from the restarted server answering to the first goal completing after it'],
      });
    },
  );
}
