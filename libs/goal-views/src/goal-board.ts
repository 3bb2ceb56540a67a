import { GoalOutcome } from '@swarm/contracts';
import type { StoredMessage } from '@swarm/transport';
import type { EndRecordsByGoal } from './board-ends.js';
import { hasEndOf, recordedOutcome } from './board-ends.js';
import type { GoalEvent } from './goal-timeline.js';

/**
 * How a goal stands on the board: the outcome of its `goal.completed`, `failed` for a `goal.failed`, `open` while
 * it has neither, or `ended` when it has ended but its `goal.completed` body was not read (the open-only pass
 * reads headers alone).
 */
export type BoardOutcome = GoalOutcome | 'failed' | 'open' | 'ended';

/** A goal as the index pass sees it: from the last message per goal subject, headers only. */
export interface GoalHead {
  readonly goalId: string;
  /** Stream sequence of its latest `goal.submitted`: the board's newest-first order. */
  readonly submittedSeq: number;
  /** When its latest `goal.submitted` was stored. */
  readonly lastSubmittedAt: Date;
  readonly outcome: BoardOutcome;
  /** When its terminal event was stored; `undefined` while open. */
  readonly endedAt: Date | undefined;
}

/** One goal on the board. */
export interface GoalRow {
  readonly goalId: string;
  readonly text: string | undefined;
  readonly outcome: BoardOutcome;
  /** Where an open goal last moved (`submitted`, `scrape`, `awaiting-approval`, ...), when it was read. */
  readonly stage: string | undefined;
  /** When the goal was first submitted (a goal submitted again keeps its first time). */
  readonly submittedAt: Date;
  readonly endedAt: Date | undefined;
  /** Seconds from submission to its end, or to `now` while it is open. */
  readonly ageSeconds: number;
}

/** The last message per goal of the three goal-level subjects, with the subject pattern each was read with. */
export interface GoalHeadMessages {
  readonly submitted: { readonly pattern: string; readonly messages: readonly StoredMessage[] };
  readonly completed: { readonly pattern: string; readonly messages: readonly StoredMessage[] };
  readonly failed: { readonly pattern: string; readonly messages: readonly StoredMessage[] };
}

/**
 * The goal id in `subject`, at the `*` of `pattern` (e.g. `swarm.evt.*.goal.submitted`), or `undefined` when
 * the subject does not match the pattern. Pure.
 */
export function goalIdInSubject(pattern: string, subject: string): string | undefined {
  const want = pattern.split('.');
  const got = subject.split('.');
  if (want.length !== got.length) return undefined;
  let goalId: string | undefined;
  for (const [i, token] of want.entries()) {
    if (token === '*') goalId = got[i];
    else if (token !== got[i]) return undefined;
  }
  return goalId === '' ? undefined : goalId;
}

function lastByGoal(read: GoalHeadMessages['submitted']): Map<string, StoredMessage> {
  const byGoal = new Map<string, StoredMessage>();
  for (const message of read.messages) {
    const goalId = goalIdInSubject(read.pattern, message.subject);
    if (goalId !== undefined) byGoal.set(goalId, message);
  }
  return byGoal;
}

function completedOutcome(message: StoredMessage): BoardOutcome {
  const body = message.body;
  const outcome =
    typeof body === 'object' && body !== null ? (body as { outcome?: unknown }).outcome : undefined;
  const parsed = GoalOutcome.safeParse(outcome);
  return parsed.success ? parsed.data : 'ended';
}

/**
 * One head per submitted goal, newest submission first. A goal ends at its first terminal event (`goal.completed`
 * with its outcome, or `goal.failed`); terminal events of goals with no submission on the stream are ignored.
 * With `ends` (each goal's `end.<queue>` records), a terminal event counts only when the goal has an end record
 * of its type, and a completion's outcome is the recorded one: a forged end leaves the goal open. Pure.
 */
export function indexGoals(read: GoalHeadMessages, ends?: EndRecordsByGoal): GoalHead[] {
  const completed = lastByGoal(read.completed);
  const failed = lastByGoal(read.failed);
  const backed = (goalId: string, type: string, message: StoredMessage | undefined) =>
    message !== undefined && (ends === undefined || hasEndOf(ends.get(goalId), type)) ? message : undefined;
  return [...lastByGoal(read.submitted)]
    .map(([goalId, submission]): GoalHead => {
      const done = backed(goalId, 'goal.completed', completed.get(goalId));
      const fail = backed(goalId, 'goal.failed', failed.get(goalId));
      const end = done && fail ? (done.streamSequence < fail.streamSequence ? done : fail) : (done ?? fail);
      return {
        goalId,
        submittedSeq: submission.streamSequence,
        lastSubmittedAt: submission.time,
        outcome:
          end === undefined
            ? 'open'
            : end === fail
              ? 'failed'
              : ends
                ? (recordedOutcome(ends.get(goalId)) ?? 'ended')
                : completedOutcome(end),
        endedAt: end?.time,
      };
    })
    .sort((a, b) => b.submittedSeq - a.submittedSeq);
}

/** What `swarm goals` reads beyond the heads. */
export interface BoardReads {
  /** The goals to show, newest first: open ones (or all with `all`), at most `limit`. */
  readonly shown: readonly GoalHead[];
  /** The goals whose first submission is read: those shown, plus every open goal when staleness is checked. */
  readonly details: readonly GoalHead[];
  /** The goals whose last event is read, for the stage of an open goal shown. */
  readonly stageOf: ReadonlySet<string>;
}

/**
 * Which goals to read more of. `limit` caps only the rows shown: with `staleCheck`, every open goal is read,
 * however many there are. Pure.
 */
export function planBoardReads(
  heads: readonly GoalHead[],
  options: { readonly all?: boolean; readonly limit?: number; readonly staleCheck?: boolean },
): BoardReads {
  const open = heads.filter((head) => head.outcome === 'open');
  const shown = (options.all ? heads : open).slice(0, options.limit ?? heads.length);
  const shownIds = new Set(shown.map((head) => head.goalId));
  const details = options.staleCheck
    ? heads.filter((head) => shownIds.has(head.goalId) || head.outcome === 'open')
    : shown;
  return {
    shown,
    details,
    stageOf: new Set(shown.filter((head) => head.outcome === 'open').map((head) => head.goalId)),
  };
}

/** The error code of a task parked (or failed) because its goal's budget ran out. */
const BUDGET_EXHAUSTED_CODE = 'budget-exhausted';

/**
 * Where a goal last moved, from its latest event: `submitted`, the queue of a task event (`scrape`; `scrape done`
 * once that task completed), `awaiting-approval`, `approved`, `rejected`; `awaiting-budget` once its budget ran
 * out under `pause` (the `budget.exhausted`, or the parked task's `task.failed` with code `budget-exhausted`),
 * `degraded` under `degrade`, `budget-added` after a human added to it. `undefined` for none or an end. Pure.
 */
export function stageOf(last: GoalEvent | undefined): string | undefined {
  if (last === undefined) return undefined;
  const queue = typeof last.body['queue'] === 'string' ? last.body['queue'] : undefined;
  switch (last.type) {
    case 'goal.submitted':
      return 'submitted';
    case 'task.failed':
      return (last.body['error'] as { code?: unknown } | undefined)?.code === BUDGET_EXHAUSTED_CODE &&
        last.body['willRetry'] === false
        ? 'awaiting-budget'
        : (queue ?? last.type);
    case 'task.claimed':
    case 'task.progress':
      return queue ?? last.type;
    case 'task.completed':
      return queue ? `${queue} done` : last.type;
    case 'approval.requested':
      return 'awaiting-approval';
    case 'approval.granted':
      return 'approved';
    case 'approval.rejected':
      return 'rejected';
    case 'budget.exhausted':
      return last.body['policy'] === 'pause'
        ? 'awaiting-budget'
        : last.body['policy'] === 'degrade'
          ? 'degraded'
          : 'budget-exhausted';
    case 'budget.added':
      return 'budget-added';
    default:
      return undefined;
  }
}

/**
 * A board row from a head, its first submission (text and time; the latest submission's time stands in when it
 * was not read) and its latest event (the stage, for an open goal). Pure.
 */
export function toGoalRow(
  head: GoalHead,
  read: { readonly firstSubmission?: GoalEvent; readonly lastEvent?: GoalEvent },
  now: Date,
): GoalRow {
  const submittedAt = read.firstSubmission?.time ?? head.lastSubmittedAt;
  const goal = read.firstSubmission?.body['goal'] as { text?: unknown } | undefined;
  return {
    goalId: head.goalId,
    text: typeof goal?.text === 'string' ? goal.text : undefined,
    outcome: head.outcome,
    stage: head.outcome === 'open' ? stageOf(read.lastEvent) : undefined,
    submittedAt,
    endedAt: head.endedAt,
    ageSeconds: ((head.endedAt ?? now).getTime() - submittedAt.getTime()) / 1_000,
  };
}

/** Open goals first submitted more than `olderThanSeconds` ago (awaiting approval counts), in row order. Pure. */
export function staleGoals(rows: readonly GoalRow[], olderThanSeconds: number): GoalRow[] {
  return rows.filter((row) => row.outcome === 'open' && row.ageSeconds > olderThanSeconds);
}
