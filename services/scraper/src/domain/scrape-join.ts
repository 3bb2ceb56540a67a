import type { AcceptedGoal, Envelope, RankTask, ScrapeOutcome } from '@swarm/contracts';
import { messageIds } from '@swarm/contracts';

/**
 * The other slots of a join of `count`, in the order a landing scrape checks them: starting after its own and
 * wrapping around, so that scrapes landing together look at different slots first and most stop after one
 * read. Pure.
 */
export function slotsToCheck(own: number, count: number): number[] {
  return Array.from({ length: count - 1 }, (_, step) => (own + 1 + step) % count);
}

/**
 * Whether this landing emits the rank task: the join is complete and this scrape stored its slot, or it may be
 * repeating a landing whose emit was lost (a redelivery, or the dead-letter hook). A late copy of a scrape whose
 * slot was already filled (a goal submitted again after the de-duplication window) emits nothing. Every scrape
 * that emits uses the rank task's deterministic message id, so the stream keeps one. Pure.
 */
export function shouldEmitRank(input: {
  readonly complete: boolean;
  readonly storedByThis: boolean;
  readonly mayRepeat: boolean;
}): boolean {
  return input.complete && (input.storedByThis || input.mayRepeat);
}

/** The rank task for a complete join: one contribution per slot, in candidate order. Pure. */
export function buildRankTask(
  goalId: string,
  slots: readonly ScrapeOutcome[],
  accepted: AcceptedGoal,
  envelope: (ids: { messageId: string }) => Envelope,
): RankTask {
  const base = envelope({ messageId: messageIds.rankTask(goalId) });
  const contributions = slots.map((slot) => ({
    taskId: slot.taskId,
    candidateId: slot.candidateId,
    ok: slot.ok,
    ...(slot.traceparent ? { traceparent: slot.traceparent } : {}),
  }));
  return {
    type: 'task.rank',
    ...base,
    query: accepted.goal.text,
    topN: accepted.goal.topN,
    ...(accepted.goal.weights ? { weights: accepted.goal.weights } : {}),
    contributions,
  };
}
