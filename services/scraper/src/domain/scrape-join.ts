import type { AcceptedGoal, Envelope, JoinState, RankTask } from '@swarm/contracts';
import { messageIds } from '@swarm/contracts';

/** One scrape landing in the join. */
export interface Landing {
  readonly candidateIndex: number;
  readonly candidateId: string;
  readonly taskId: string;
  readonly ok: boolean;
  readonly traceparent?: string;
}

/**
 * Marks a scrape as landed. Returns the next join state, or `undefined` when this scrape had already landed
 * (a redelivery), so a compare-and-set update leaves the state unchanged. Pure.
 */
export function landScrape(state: JoinState, landing: Landing): JoinState | undefined {
  const key = String(landing.candidateIndex);
  if (state.landed[key]) return undefined;
  return {
    ...state,
    landed: {
      ...state.landed,
      [key]: {
        ok: landing.ok,
        taskId: landing.taskId,
        candidateId: landing.candidateId,
        ...(landing.traceparent ? { traceparent: landing.traceparent } : {}),
      },
    },
  };
}

/** True once every fanned-out scrape has landed. Pure. */
export function isJoinComplete(state: JoinState): boolean {
  return Object.keys(state.landed).length >= state.expected;
}

/**
 * Whether this landing emits the rank task. The scrape whose update completed the join emits it. A redelivered
 * scrape (or a dead-letter hook) that finds the join complete emits it again, in case the one that completed it
 * died before publishing: the rank task's deterministic message id makes the repeat a no-op. Pure.
 */
export function shouldEmitRank(input: {
  readonly complete: boolean;
  readonly completedByThis: boolean;
  readonly mayRepeat: boolean;
}): boolean {
  return input.complete && (input.completedByThis || input.mayRepeat);
}

/** The rank task for a complete join, in candidate order. Pure. */
export function buildRankTask(
  goalId: string,
  join: JoinState,
  accepted: AcceptedGoal,
  envelope: (ids: { messageId: string }) => Envelope,
): RankTask {
  const base = envelope({ messageId: messageIds.rankTask(goalId) });
  const contributions = Object.entries(join.landed)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, landed]) => ({
      taskId: landed.taskId,
      candidateId: landed.candidateId,
      ok: landed.ok,
      ...(landed.traceparent ? { traceparent: landed.traceparent } : {}),
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
