import type { BudgetPolicy } from '@swarm/contracts';
import type { AgentKind } from '@swarm/local-stack';
import { startNats, startScriptedModelServer } from '@swarm/testing';
import { budgetDefaults, parseTransportSettings } from '@swarm/transport';
import { pickVictim } from '../harness/agent-health.js';
import type { BudgetSnapshot } from '../harness/budget-audit.js';
import { auditBudgets, largestCallEstimate, taskOfReservation } from '../harness/budget-audit.js';
import { endMisfit, planBudgetedGoals } from '../harness/budget-plan.js';
import { startChaosSwarm } from '../harness/chaos-swarm.js';
import { feedGoals } from '../harness/goal-feeder.js';
import { readBudgetRecord, resumePausedGoals } from '../harness/paused-goal-resumer.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { chaosBrainResponder } from '../harness/scripted-brain-replies.js';
import { auditTasks } from '../harness/task-audit.js';
import type { ScenarioResult } from '../report/scenario-result.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';
import { budgetChecks, doubledCompletionNotes } from './budget-kills.checks.js';

/** Size of the budgets-under-replica-kills scenario. */
export interface BudgetKillsSize {
  /** Goals submitted (policy and tightness cycle: every nine goals hold each pair once). */
  readonly goals: number;
  /** Goals submitted per second. */
  readonly perSecond: number;
  /** Replicas of each agent kind. */
  readonly replicas: number;
  /** Pause between two kills. */
  readonly killEveryMs: number;
  /** Kills in one run. */
  readonly maxKills: number;
  readonly deadlineMs: number;
}

export const BUDGET_KILLS_FULL: BudgetKillsSize = {
  goals: 180,
  perSecond: 4,
  replicas: 2,
  killEveryMs: 3_000,
  maxKills: 30,
  deadlineMs: 15 * 60_000,
};
export const BUDGET_KILLS_QUICK: BudgetKillsSize = {
  goals: 9,
  perSecond: 3,
  replicas: 2,
  killEveryMs: 2_000,
  maxKills: 2,
  deadlineMs: 150_000,
};

/** The most output tokens a call may ask for: the agents reserve it for every call. */
const MAX_OUTPUT_TOKENS = 512;
/** The price table (US dollars per million tokens), so cost is spent and limited too. */
const PRICE = { input: 1, output: 2 } as const;
/** What the operator adds to a paused goal each time it ran out. */
const TOP_UP = { modelCalls: 40, tokens: 400_000, costUsd: 1 } as const;

/** Every agent thinks with the scripted model; a brain whose output is refused finishes on its builtin brain. */
const modelEnv = (baseUrl: string): Record<string, string> => ({
  SWARM_MODEL: 'openai-compatible:scripted',
  SWARM_MODEL_BASE_URL: `${baseUrl}/v1`,
  SWARM_MODEL_FALLBACK: 'builtin',
  SWARM_MODEL_MAX_CORRECTIONS: '1',
  SWARM_MODEL_MAX_OUTPUT_TOKENS: String(MAX_OUTPUT_TOKENS),
  SWARM_MODEL_PRICE_INPUT_PER_MTOK: String(PRICE.input),
  SWARM_MODEL_PRICE_OUTPUT_PER_MTOK: String(PRICE.output),
});

/**
 * Scenario 9: goals with budgets (pause, degrade and fail; roomy, few calls, few tokens) go through the client's
 * door to four model-backed agents (2 replicas each, thinking with a scripted model server) while a random busy
 * replica is SIGKILLed every few seconds and replaced. After the kills, goals paused for want of budget get
 * top-ups (`addToGoalBudget`) until they end. Checks: no goal spent past its limit by more than one call's
 * reservation (killed replicas' open reservations counted as spent), every request the model server received
 * was reserved first, every goal ended as its policy says, no task completion was stored twice.
 */
export async function runBudgetKills(
  size: BudgetKillsSize,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const model = await startScriptedModelServer({ responder: chaosBrainResponder });
  const nats = await startNats({ forceSpawn: true }).catch(async (error: unknown) => {
    await model.close();
    throw error;
  });
  try {
    const kinds: AgentKind[] = ['search', 'scraper', 'ranker', 'communications'];
    const swarm = await startChaosSwarm({
      env: options.env,
      fanOut: options.fanOut,
      natsUrl: nats.url,
      scale: Object.fromEntries(kinds.map((kind) => [kind, size.replicas])),
      agentEnv: modelEnv(model.url),
    });
    try {
      const startedAt = Date.now();
      const deadline = startedAt + size.deadlineMs;
      const goals = planBudgetedGoals(runPrefix('budget'), size.goals);
      const feeding = feedGoals(swarm.client, swarm.ledger, goals, {
        perSecond: size.perSecond,
        deadlineMs: size.deadlineMs,
        door: true,
      });
      const kills: { instance: string; kind: AgentKind; at: number }[] = [];
      const replacements: Promise<unknown>[] = [];
      while (kills.length < size.maxKills && Date.now() < deadline) {
        await sleep(size.killEveryMs);
        const victim = await pickVictim(swarm.liveAgents());
        if (!victim) break;
        const at = Date.now();
        victim.child.kill('SIGKILL');
        await victim.exited;
        kills.push({ instance: victim.instance, kind: victim.kind, at });
        log(`kill ${kills.length}: ${victim.instance} (${swarm.ledger.unfinished().length} goals open)`);
        replacements.push(
          swarm.addAgent(victim.kind).catch((error: unknown) => {
            log(`replacement ${victim.kind} did not start: ${(error as Error).message}`);
          }),
        );
      }
      await Promise.all(replacements);
      const feed = await feeding;
      const defaults = budgetDefaults(parseTransportSettings({ natsUrl: nats.url }));
      const paused = goals.filter((g) => g.policy === 'pause').map((g) => g.goalId);
      const resumed = await resumePausedGoals(swarm.client, swarm.ledger, paused, defaults, {
        add: TOP_UP,
        by: 'chaos-operator',
        deadlineMs: Math.max(0, deadline - Date.now()),
        pollMs: 1_000,
        maxTopUpsPerGoal: 10,
      });
      await swarm.ledger.waitForAll(Math.max(0, deadline - Date.now()));
      await swarm.ledger.reconcile().catch(() => undefined);

      const finals: BudgetSnapshot[] = [];
      for (const goal of goals) {
        const record = await readBudgetRecord(swarm.client, goal.goalId).catch(() => undefined);
        if (record) finals.push({ goalId: goal.goalId, when: 'final', record });
      }
      const requests = [...model.requests];
      const promptSizes = requests.map((r) => JSON.stringify(r.body['messages'] ?? '').length);
      const oneCall = largestCallEstimate(promptSizes, MAX_OUTPUT_TOKENS, PRICE);
      const budgets = auditBudgets([...resumed.snapshots, ...finals], oneCall);
      const audit = await auditTasks(swarm.client);
      const killed = new Set(kills.map((k) => k.instance));
      const tasksOfKilled = new Set(audit.claims.filter((c) => killed.has(c.instance)).map((c) => c.taskId));
      const strayReservations = budgets.openReservations.filter(
        (id) => !tasksOfKilled.has(taskOfReservation(id)),
      );
      const exhausted = new Set([
        ...resumed.toppedUp,
        ...finals.filter((s) => s.record.exhausted !== undefined).map((s) => s.goalId),
      ]);
      const exhaustedBy = (policy: BudgetPolicy) =>
        goals.filter((g) => g.policy === policy && exhausted.has(g.goalId)).length;
      const misfits = goals.flatMap((g) => {
        const end = swarm.ledger.finalOf(g.goalId);
        const why = end ? endMisfit(g.policy, exhausted.has(g.goalId), end) : undefined;
        return why ? [`${g.goalId}: ${why}`] : [];
      });
      const byKind = new Map<string, number>();
      for (const kill of kills) byKind.set(kill.kind, (byKind.get(kill.kind) ?? 0) + 1);
      return await collectOutcome(swarm, {
        number: 9,
        name: 'budget-kills',
        title: `${size.goals} goals with budgets, a random replica SIGKILLed every ${size.killEveryMs / 1_000} s`,
        startedAt,
        faults: kills.map((kill) => ({ instance: kill.instance, kind: 'kill' as const, at: kill.at })),
        figures: {
          kills: kills.length,
          killsByKind: [...byKind.entries()].map(([kind, n]) => `${kind} x${n}`).join(', '),
          replicasPerKind: size.replicas,
          exhaustedPause: exhaustedBy('pause'),
          exhaustedDegrade: exhaustedBy('degrade'),
          exhaustedFail: exhaustedBy('fail'),
          topUps: resumed.topUps,
          resumedTasks: resumed.resumedTasks,
          modelRequests: requests.length,
          reservedCalls: budgets.reservedCalls,
          openReservations: budgets.openReservations.length,
          maxOverspendCalls: budgets.maxOverspend.modelCalls,
          maxOverspendTokens: budgets.maxOverspend.tokens,
          maxOverspendCostUsd: budgets.maxOverspend.costUsd,
          redeliveredClaims: audit.redeliveries,
          publishRetries: feed.retries,
        },
        checks: budgetChecks({
          size,
          kills: kills.length,
          budgets,
          oneCall,
          budgetRecords: finals.length,
          requests: requests.length,
          exhausted: {
            pause: exhaustedBy('pause'),
            degrade: exhaustedBy('degrade'),
            fail: exhaustedBy('fail'),
          },
          notExhausted: goals.filter((g) => !exhausted.has(g.goalId)).length,
          misfits,
          strayReservations,
          completedTwice: audit.completedTwice,
        }),
        notes: [
          'paused goals end by a top-up (addToGoalBudget, as `swarm budget --add`) after the kills; an open ' +
            "reservation is a killed replica's call that never settled, counted as spent",
          `one call's reservation (the overspend allowance): ${oneCall.tokens} tokens, $${oneCall.costUsd}`,
          ...doubledCompletionNotes(audit.completedTwice, audit, killed),
        ],
      });
    } finally {
      await swarm.stop();
    }
  } finally {
    await nats.stop();
    await model.close();
  }
}
