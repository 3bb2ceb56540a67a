import { buildGoalSubmitted, SUBJECTS } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { waitFor } from '@swarm/testing';
import type { PublishAck } from '@swarm/transport';
import { withPrivateSwarm } from '../harness/chaos-swarm.js';
import { planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import { auditTasks } from '../harness/task-audit.js';
import type { ScenarioCheck, ScenarioResult } from '../report/scenario-result.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the duplicate-submission scenario. */
export interface DuplicateSubmissionSize {
  /** Goals, each submitted `copies` times at once with the same id and content. */
  readonly goals: number;
  readonly copies: number;
  /**
   * The streams' de-duplication window (agents and client). Short, so the late resubmission (same id, same
   * content, after the goal completed and the window passed) reaches the search agent.
   */
  readonly duplicateWindowMs: number;
  readonly deadlineMs: number;
}

export const DUPLICATE_SUBMISSION_FULL: DuplicateSubmissionSize = {
  goals: 50,
  copies: 3,
  duplicateWindowMs: 5_000,
  deadlineMs: 4 * 60_000,
};
export const DUPLICATE_SUBMISSION_QUICK: DuplicateSubmissionSize = {
  goals: 3,
  copies: 3,
  duplicateWindowMs: 2_000,
  deadlineMs: 90_000,
};

/** Counts messages per goal id on a subject of the events stream. */
async function perGoal(client: SwarmClient, subject: string): Promise<Map<string, number>> {
  const stored = await client.readStream(client.topology.eventsStream, subject, { limit: 1_000_000 });
  const counts = new Map<string, number>();
  for (const message of stored) {
    const goalId = (message.body as { goalId?: unknown }).goalId;
    if (typeof goalId === 'string') counts.set(goalId, (counts.get(goalId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Scenario 5: the same goal submitted several times at once with the same id (and content): the stream keeps one
 * submission, so there is one goal, one report, one delivery. Then the same submissions again after the goal
 * completed and past the de-duplication window: the search agent sees the goal again, finds it already accepted
 * with the same fingerprint, and the join (already complete) stops it before a second rank or report.
 */
export function runDuplicateSubmission(
  size: DuplicateSubmissionSize,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  return withPrivateSwarm(
    {
      env: options.env,
      fanOut: options.fanOut,
      scale: { scraper: 2, communications: 2 },
      transport: { duplicateWindowMs: size.duplicateWindowMs },
    },
    async (swarm) => {
      const startedAt = Date.now();
      const goals = planGoals(runPrefix('dup'), size.goals);
      const submitAll = async () => {
        const acks: PublishAck[][] = await Promise.all(
          goals.map((goal) => {
            const { subject, message } = buildGoalSubmitted(goal.goalId, goal.spec);
            return Promise.all(
              Array.from({ length: size.copies }, () => swarm.client.publish({ subject, message })),
            );
          }),
        );
        return acks;
      };
      const first = await submitAll();
      goals.forEach((goal) => swarm.ledger.markSubmitted(goal.goalId));
      await swarm.ledger.waitForAll(size.deadlineMs / 2);
      log(`first burst: ${swarm.ledger.finishTimes().length} of ${goals.length} goals ended`);

      // Late copies: after completion and past the de-duplication window.
      await sleep(size.duplicateWindowMs + 500);
      const late = await submitAll();
      const lateSearchesDone = await waitFor(
        async () => {
          const { completions } = await auditTasks(swarm.client);
          return goals.every((goal) => (completions.get(`${goal.goalId}/search`)?.count ?? 0) >= 2);
        },
        { timeoutMs: 30_000, intervalMs: 500, description: 'late copies searched again' },
      ).catch(() => false);
      // Give any (wrong) second rank/report time to show up.
      await sleep(Math.max(3_000, size.duplicateWindowMs));
      log(`late copies handled: ${lateSearchesDone ? 'yes' : 'not seen'}`);

      const audit = await auditTasks(swarm.client);
      const submissions = await perGoal(swarm.client, SUBJECTS.event('*', 'goal.submitted'));
      const completions = await perGoal(swarm.client, SUBJECTS.event('*', 'goal.completed'));
      const count = (task: (goalId: string) => string) =>
        goals.map((goal) => audit.completions.get(task(goal.goalId))?.count ?? 0);
      const searches = goals.map(
        (goal) => audit.claims.filter((c) => c.taskId === `${goal.goalId}/search`).length,
      );
      const scrapeClaims = audit.claims.filter((c) => c.queue === 'scrape').length;
      const ranks = count((g) => `${g}/rank`);
      const reports = count((g) => `${g}/report`);
      const stored = goals.map((goal) => submissions.get(goal.goalId) ?? 0);
      const firstNew = first.map((acks) => acks.filter((ack) => !ack.duplicate).length);
      const lateNew = late.map((acks) => acks.filter((ack) => !ack.duplicate).length);
      const all = (values: number[], want: number) => values.every((v) => v === want);
      const checks: ScenarioCheck[] = [
        {
          name: `each burst of ${size.copies} copies stored once (the rest acknowledged as duplicates)`,
          ok: all(firstNew, 1) && all(lateNew, 1),
          detail: `new per goal: first burst [${[...new Set(firstNew)].join(',')}], late burst [${[...new Set(lateNew)].join(',')}]`,
        },
        {
          name: 'one goal.completed per goal',
          ok: goals.every((goal) => completions.get(goal.goalId) === 1),
          detail: `counts seen: [${[...new Set(goals.map((g) => completions.get(g.goalId) ?? 0))].join(',')}]`,
        },
        {
          name: 'one rank and one report per goal',
          ok: all(ranks, 1) && all(reports, 1),
          detail: `rank completions [${[...new Set(ranks)].join(',')}], report completions [${[...new Set(reports)].join(',')}]`,
        },
        {
          name: 'the late copies reached the search agent and stopped at the join',
          ok: all(stored, 2) && searches.every((n) => n >= 2),
          detail: `submissions stored per goal [${[...new Set(stored)].join(',')}], search claims per goal [${[...new Set(searches)].join(',')}]`,
        },
      ];
      return await collectOutcome(swarm, {
        number: 5,
        name: 'duplicate-submission',
        title: `${size.goals} goals submitted ${size.copies}x at once, then ${size.copies}x again after completion`,
        startedAt,
        figures: {
          publishes: size.goals * size.copies * 2,
          submissionsStored: stored.reduce((a, b) => a + b, 0),
          reportsMade: reports.reduce((a, b) => a + b, 0),
          scrapeClaims,
          duplicateWindowSeconds: size.duplicateWindowMs / 1_000,
        },
        checks,
        notes: [
          'a late copy (past the de-duplication window) re-runs the search and the scrapes of a finished goal; ' +
            'the complete join stops it before rank, so no second report or delivery, but the scrapes are repeated',
        ],
      });
    },
  );
}
