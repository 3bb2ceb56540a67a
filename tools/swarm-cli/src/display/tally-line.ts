import type { GoalTallyCounts } from '@swarm/goal-views';

/**
 * The tally as one line: `goals  3 submitted | 1 running | 0 waiting for approval | 2 delivered | ...`, with
 * `| 1 waiting for budget` after the approvals while a goal is paused for budget. Pure.
 */
export function renderTally(counts: GoalTallyCounts): string {
  return [
    `goals  ${counts.submitted} submitted`,
    `${counts.running} running`,
    `${counts.awaitingApproval} waiting for approval`,
    ...(counts.awaitingBudget > 0 ? [`${counts.awaitingBudget} waiting for budget`] : []),
    `${counts.delivered} delivered`,
    `${counts.failed} failed`,
    `${counts.otherEnd} ended undelivered (nothing found, rejected, expired)`,
  ].join(' | ');
}
