import type { AgentKind } from '@swarm/local-stack';
import { startNats } from '@swarm/testing';
import { pickVictim } from '../harness/agent-health.js';
import { startChaosSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { auditTasks } from '../harness/task-audit.js';
import type { ScenarioResult } from '../report/scenario-result.js';
import { longestGapSeconds } from '../report/timing.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the replica-kill scenario. */
export interface ReplicaKillsSize {
  readonly goals: number;
  /** Goals submitted per second. */
  readonly perSecond: number;
  /** Replicas of each agent kind. */
  readonly replicas: number;
  /** Pause between two kills. */
  readonly killEveryMs: number;
  /** Most kills in one run (the loop also stops once every goal has ended). */
  readonly maxKills: number;
  readonly deadlineMs: number;
}

export const REPLICA_KILLS_FULL: ReplicaKillsSize = {
  goals: 500,
  perSecond: 10,
  replicas: 2,
  killEveryMs: 2_000,
  maxKills: 60,
  deadlineMs: 15 * 60_000,
};
export const REPLICA_KILLS_QUICK: ReplicaKillsSize = {
  goals: 30,
  perSecond: 6,
  replicas: 2,
  killEveryMs: 1_500,
  maxKills: 2,
  deadlineMs: 90_000,
};

interface Kill {
  readonly kind: AgentKind;
  readonly instance: string;
  readonly at: number;
  replacementReadyMs: number | undefined;
}

/**
 * Scenario 1: goals flow while a random agent replica (one that is running a task, when any is) is SIGKILLed
 * every few seconds and a replacement started (as a crashed pod would be). Its claims expire and another replica redelivers them; hand-offs it published
 * before dying are dropped as duplicates by their message ids.
 */
export async function runReplicaKills(
  size: ReplicaKillsSize,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const nats = await startNats({ forceSpawn: true });
  try {
    const kinds: AgentKind[] = ['search', 'scraper', 'ranker', 'communications'];
    const swarm = await startChaosSwarm({
      env: options.env,
      fanOut: options.fanOut,
      natsUrl: nats.url,
      scale: Object.fromEntries(kinds.map((kind) => [kind, size.replicas])),
    });
    try {
      const startedAt = Date.now();
      const goals = planGoals(runPrefix('kill'), size.goals);
      const feeding = feedGoals(swarm.client, swarm.ledger, goals, {
        perSecond: size.perSecond,
        deadlineMs: size.deadlineMs,
      });
      let fed = false;
      void feeding.then(() => {
        fed = true;
      });
      const kills: Kill[] = [];
      const replacements: Promise<void>[] = [];
      const deadline = startedAt + size.deadlineMs;
      while (kills.length < size.maxKills && Date.now() < deadline) {
        await sleep(size.killEveryMs);
        if (fed && swarm.ledger.unfinished().length === 0) break;
        const victim = await pickVictim(swarm.liveAgents());
        if (!victim) break;
        const at = Date.now();
        victim.child.kill('SIGKILL');
        await victim.exited;
        const kill: Kill = {
          kind: victim.kind,
          instance: victim.instance,
          at,
          replacementReadyMs: undefined,
        };
        kills.push(kill);
        log(`kill ${kills.length}: ${victim.instance} (${swarm.ledger.unfinished().length} goals open)`);
        // The replacement boots while the chaos goes on, as a restarted pod would.
        replacements.push(
          swarm.addAgent(victim.kind).then(
            () => {
              kill.replacementReadyMs = Date.now() - at;
            },
            (error: unknown) => log(`replacement ${victim.kind} did not start: ${(error as Error).message}`),
          ),
        );
      }
      await Promise.all(replacements);
      const feed = await feeding;
      await swarm.ledger.waitForAll(Math.max(0, deadline - Date.now()));
      const finishedAt = Date.now();
      const audit = await auditTasks(swarm.client);
      const times = swarm.ledger.finishTimes();
      const byKind = new Map<string, number>();
      for (const kill of kills) byKind.set(kill.kind, (byKind.get(kill.kind) ?? 0) + 1);
      const readyTimes = kills.flatMap((k) =>
        k.replacementReadyMs === undefined ? [] : [k.replacementReadyMs],
      );
      const chaosEnd = kills.length > 0 ? kills[kills.length - 1]!.at + size.killEveryMs : finishedAt;
      return await collectOutcome(swarm, {
        number: 1,
        name: 'replica-kills',
        title: `${size.goals} goals, a random replica SIGKILLed every ${size.killEveryMs / 1_000} s`,
        startedAt,
        recoverySeconds: longestGapSeconds(times, startedAt, chaosEnd),
        faults: kills.map((kill) => ({ instance: kill.instance, kind: 'kill' as const, at: kill.at })),
        figures: {
          kills: kills.length,
          killsByKind: [...byKind.entries()].map(([kind, n]) => `${kind} x${n}`).join(', '),
          replicasPerKind: size.replicas,
          redeliveredClaims: audit.redeliveries,
          replacementReadyAvgSeconds:
            readyTimes.length > 0
              ? Math.round(readyTimes.reduce((a, b) => a + b, 0) / readyTimes.length / 100) / 10
              : 0,
          publishRetries: feed.retries,
        },
        checks: [
          {
            name: 'the planned kills happened while goals were open',
            ok:
              kills.length === size.maxKills ||
              (fed && swarm.ledger.unfinished().length === 0 && kills.length > 0),
            detail: `${kills.length} kills (planned up to ${size.maxKills})`,
          },
          {
            name: 'no task completion stored twice',
            ok: audit.completedTwice.length === 0,
            detail: audit.completedTwice.length === 0 ? 'none' : audit.completedTwice.slice(0, 5).join(', '),
          },
        ],
        notes: [
          'recovery = the longest pause between two goal completions while the kills went on (a killed ' +
            "replica's claims wait for the 3 s ack wait before another replica gets them)",
        ],
      });
    } finally {
      await swarm.stop();
    }
  } finally {
    await nats.stop();
  }
}
