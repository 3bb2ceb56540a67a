import type { StoredMessage } from '@swarm/transport';

/** One event of a goal's audit trail, as read back from the events stream. */
export interface GoalEvent {
  readonly type: string;
  readonly time: Date;
  readonly body: Record<string, unknown>;
}

/** Where a goal stands, derived from its events alone. */
export interface GoalSummary {
  readonly goalId: string;
  /**
   * `awaiting-budget`: its budget ran out under `pause` (a `budget.exhausted` no `budget.added` followed) and it
   * waits for a human to add to it.
   */
  readonly state:
    'unknown' | 'submitted' | 'running' | 'awaiting-approval' | 'awaiting-budget' | 'completed' | 'failed';
  readonly text: string | undefined;
  readonly outcome: string | undefined;
  readonly summary: string | undefined;
  readonly reportArtifact: string | undefined;
  readonly startedAt: Date | undefined;
  readonly endedAt: Date | undefined;
  readonly claims: number;
  readonly completedTasks: number;
  readonly retries: number;
  readonly deadLettered: number;
  readonly instances: readonly string[];
  /** How often its budget ran out (`budget.exhausted` events) and how often a human added to it. */
  readonly budgetExhaustions: number;
  readonly budgetAdditions: number;
  /** Whether it went on with the builtin brains because its budget ran out (policy `degrade`). */
  readonly degraded: boolean;
}

/** Turns stored messages into goal events (messages without a `type` are skipped). Pure. */
export function toGoalEvents(messages: readonly StoredMessage[]): GoalEvent[] {
  return messages.flatMap((message) => {
    const body = message.body;
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string')
      return [];
    return [
      { type: (body as { type: string }).type, time: message.time, body: body as Record<string, unknown> },
    ];
  });
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Summarizes a goal from its events. Pure. */
export function summarizeGoal(goalId: string, events: readonly GoalEvent[]): GoalSummary {
  const last = (type: string) => [...events].reverse().find((e) => e.type === type);
  const submitted = last('goal.submitted');
  const completed = last('goal.completed');
  const failed = last('goal.failed');
  const requested = last('approval.requested');
  const decided = last('approval.granted') ?? last('approval.rejected');
  const end = completed ?? failed;
  const exhaustions = events.filter((e) => e.type === 'budget.exhausted');
  const additions = events.filter((e) => e.type === 'budget.added');
  const lastExhausted = exhaustions.at(-1);
  const paused =
    lastExhausted?.body['policy'] === 'pause' &&
    events.lastIndexOf(lastExhausted) > events.findLastIndex((e) => e.type === 'budget.added');
  let state: GoalSummary['state'] = 'unknown';
  if (completed) state = 'completed';
  else if (failed) state = 'failed';
  else if (paused) state = 'awaiting-budget';
  else if (requested && !decided) state = 'awaiting-approval';
  else if (events.some((e) => e.type.startsWith('task.'))) state = 'running';
  else if (submitted) state = 'submitted';
  const failedTasks = events.filter((e) => e.type === 'task.failed');
  const instances = new Set(
    events.flatMap((e) => {
      const agent = e.body['agent'] as { kind?: string; instance?: string } | undefined;
      return agent?.instance ? [`${agent.kind}/${agent.instance}`] : [];
    }),
  );
  const goal = submitted?.body['goal'] as { text?: string } | undefined;
  return {
    goalId,
    state,
    text: goal?.text,
    outcome: str(completed?.body['outcome']) ?? (failed ? 'failed' : undefined),
    summary:
      str(completed?.body['summary']) ??
      str((failed?.body['reason'] as { message?: string } | undefined)?.message),
    reportArtifact: str(completed?.body['reportArtifact']),
    startedAt: submitted?.time ?? events[0]?.time,
    endedAt: end?.time,
    claims: events.filter((e) => e.type === 'task.claimed').length,
    completedTasks: events.filter((e) => e.type === 'task.completed').length,
    retries: failedTasks.filter((e) => e.body['willRetry'] === true).length,
    deadLettered: failedTasks.filter(
      (e) => e.body['deadLetterId'] !== null && e.body['deadLetterId'] !== undefined,
    ).length,
    instances: [...instances].sort(),
    budgetExhaustions: exhaustions.length,
    budgetAdditions: additions.length,
    degraded: exhaustions.some((e) => e.body['policy'] === 'degrade'),
  };
}
