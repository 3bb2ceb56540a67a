import type { GoalEndRecord, GoalOutcome } from '@swarm/contracts';
import { GoalEndRecord as GoalEndRecordSchema, stageOf } from '@swarm/contracts';
import type { StoredMessage } from '@swarm/transport';

/** Each goal's `end.<queue>` records (the evidence behind its terminal events), by queue. */
export type EndRecordsByGoal = ReadonlyMap<string, Readonly<Record<string, GoalEndRecord>>>;

/**
 * The end records among messages of a goals bucket's stream, read on `$KV.<bucket>.*.end.*` (one per key, the
 * latest): a message with a body that is not an end record, or a deleted key, is skipped. Pure.
 */
export function endRecordsOf(bucket: string, messages: readonly StoredMessage[]): EndRecordsByGoal {
  const prefix = `$KV.${bucket}.`;
  const byGoal = new Map<string, Record<string, GoalEndRecord>>();
  for (const message of messages) {
    if (!message.subject.startsWith(prefix)) continue;
    const [goalId, end, queue, ...rest] = message.subject.slice(prefix.length).split('.');
    if (!goalId || end !== 'end' || !queue || rest.length > 0) continue;
    const parsed = GoalEndRecordSchema.safeParse(message.body);
    if (!parsed.success) continue;
    byGoal.set(goalId, { ...byGoal.get(goalId), [queue]: parsed.data });
  }
  return byGoal;
}

/** Whether `records` hold an end of `type`: a terminal event with none behind it is ignored. Pure. */
export function hasEndOf(
  records: Readonly<Record<string, GoalEndRecord>> | undefined,
  type: string,
): boolean {
  return Object.values(records ?? {}).some((record) => record.type === type);
}

/**
 * The outcome the latest stage's `goal.completed` record holds (search's `nothing-found`, or the report's
 * outcome), undefined when no completion is recorded. Pure.
 */
export function recordedOutcome(
  records: Readonly<Record<string, GoalEndRecord>> | undefined,
): GoalOutcome | undefined {
  return Object.entries(records ?? {})
    .filter(([, record]) => record.type === 'goal.completed')
    .sort(([a], [b]) => (stageOf(b) ?? -1) - (stageOf(a) ?? -1))[0]?.[1].outcome;
}
