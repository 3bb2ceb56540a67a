import type { GoalTallyCounts } from '@swarm/goal-views';

/** The tally as one line: `goals  3 submitted | 1 running | 0 waiting for approval | 2 delivered | ...`. Pure. */
export function renderTally(counts: GoalTallyCounts): string {
  return [
    `goals  ${counts.submitted} submitted`,
    `${counts.running} running`,
    `${counts.awaitingApproval} waiting for approval`,
    `${counts.delivered} delivered`,
    `${counts.failed} failed`,
    `${counts.otherEnd} ended undelivered (nothing found, rejected, expired)`,
  ].join(' | ');
}
