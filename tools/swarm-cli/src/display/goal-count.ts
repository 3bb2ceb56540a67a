import type { BoardOutcome, GoalHead } from '@swarm/goal-views';

const ENDINGS = ['delivered', 'nothing-found', 'rejected', 'approval-expired', 'failed'] as const;

/**
 * `3 open, 12 ended`, with the ended broken down by outcome when every one is known
 * (`3 open, 12 ended: 10 delivered, 2 failed`). Pure.
 */
export function countGoals(heads: readonly GoalHead[]): string {
  const count = (outcome: BoardOutcome) => heads.filter((head) => head.outcome === outcome).length;
  const open = count('open');
  const ended = heads.length - open;
  const line = `${open} open, ${ended} ended`;
  if (ended === 0 || count('ended') > 0) return line;
  const parts = ENDINGS.map((outcome) => [outcome, count(outcome)] as const).filter(([, n]) => n > 0);
  return `${line}: ${parts.map(([outcome, n]) => `${n} ${outcome}`).join(', ')}`;
}
