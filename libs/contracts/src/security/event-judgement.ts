import type { GoalEndRecord } from '../artifacts.js';
import { GoalCompleted, GoalFailed } from '../events.js';
import { EVENT_TYPES } from '../topology.js';
import type { AgentQueue } from './event-emitters.js';
import { mayEmit, roleOfContextKey, stageOf } from './event-emitters.js';

/** Why a reader ignores an event. */
export const IGNORED_EVENT_CODES = {
  /** The goal id in the subject is not the payload's `goalId`. */
  subjectGoalMismatch: 'subject-goal-mismatch',
  /** Not an event of the contract, or a terminal event that does not match its schema. */
  malformed: 'malformed',
  /** The role the event claims as its sender (its `queue`) may not emit this type (or this outcome). */
  emitterNotAllowed: 'emitter-not-allowed',
  /** The emitter's `end.<queue>` key is absent: nothing that only that role can write backs the event. */
  noEndEvidence: 'no-end-evidence',
  /** The emitter's `end.<queue>` key holds another event (type, message id or outcome differ). */
  endEvidenceMismatch: 'end-evidence-mismatch',
  /** A later stage has written the goal's context since: the goal went on, so this end is void. */
  laterStageEvidence: 'later-stage-evidence',
  /** Communications claims "nothing found" but the ranking it reports holds entries. */
  rankingNotEmpty: 'ranking-not-empty',
} as const;
/** Why a reader ignores an event. */
export type IgnoredEventCode = (typeof IGNORED_EVENT_CODES)[keyof typeof IGNORED_EVENT_CODES];

/** A reader's judgement of one event: honoured, or ignored with a code and a lowercase reason. */
export type EventJudgement =
  | { readonly honoured: true }
  | {
      readonly honoured: false;
      readonly code: IgnoredEventCode;
      readonly reason: string;
      /** The sender the event claims (its `queue`), when it names one. */
      readonly claimedBy?: string;
    };

/** A goal's context as evidence: which keys exist and what the `end.<queue>` keys hold. */
export interface GoalEvidence {
  /** Every key of the goal's context, without the `<goalId>.` prefix (e.g. `scrape.3`, `end.report`). */
  readonly keys: readonly string[];
  /** The `end.<queue>` records, by queue. */
  readonly ends: Readonly<Partial<Record<string, GoalEndRecord>>>;
  /**
   * How many entries the goal's ranking (the ranker's `ranking.json` artifact) holds, when the reader has read it;
   * a communications `nothing-found` is honoured only when this is 0 or unknown.
   */
  readonly rankedCount?: number;
}

const TERMINAL_TYPES: ReadonlySet<string> = new Set(['goal.completed', 'goal.failed']);

/** Whether `type` ends a goal (`goal.completed` or `goal.failed`). Pure. */
export function isTerminalEventType(type: string): boolean {
  return TERMINAL_TYPES.has(type);
}

const ignored = (code: IgnoredEventCode, reason: string, claimedBy?: string): EventJudgement => ({
  honoured: false,
  code,
  reason,
  ...(claimedBy === undefined ? {} : { claimedBy }),
});

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The checks that need no evidence, for any event: the subject's goal id (when the subject carries one) equals
 * the payload's `goalId`, the type is one of the contract's, and a sender it names (`queue`, on task and terminal
 * events) may emit it (`EVENT_EMITTERS`, `COMPLETION_OUTCOMES`). Events without a sender field (`goal.submitted`,
 * approval events) have one possible sender, which NATS permissions enforce. Pure.
 */
export function judgeEvent(subjectGoalId: string | undefined, body: unknown): EventJudgement {
  if (typeof body !== 'object' || body === null) return ignored('malformed', 'the payload is not an object');
  const event = body as Record<string, unknown>;
  const type = str(event['type']) ?? '';
  const goalId = str(event['goalId']);
  if (subjectGoalId !== undefined && goalId !== subjectGoalId)
    return ignored(
      'subject-goal-mismatch',
      `the subject names goal ${subjectGoalId} but the payload names goal ${goalId ?? '(none)'}`,
      str(event['queue']),
    );
  if (!(EVENT_TYPES as readonly string[]).includes(type))
    return ignored('malformed', `"${type}" is not an event type of the contract`);
  const claimed = str(event['queue']);
  if (claimed === undefined)
    return type.startsWith('task.') || isTerminalEventType(type)
      ? ignored('malformed', `a ${type} must name the queue that sent it`)
      : { honoured: true };
  if (!mayEmit(claimed, type, str(event['outcome'])))
    return ignored(
      'emitter-not-allowed',
      type === 'goal.completed' && mayEmit(claimed, type, 'nothing-found')
        ? `${claimed} may complete a goal only with "nothing-found", not "${str(event['outcome']) ?? ''}"`
        : `${claimed} may not emit ${type}`,
      claimed,
    );
  return { honoured: true };
}

/** Keys of agent queues later than `stage`, in key order. */
function laterStageKeys(keys: readonly string[], stage: number): string[] {
  return keys
    .filter((key) => {
      const writer = roleOfContextKey(key);
      return writer !== undefined && writer !== 'approver' && (stageOf(writer) ?? -1) > stage;
    })
    .sort();
}

/**
 * Whether a reader honours a terminal event (`goal.completed`, `goal.failed`) as the goal's end, given the goal's
 * context as evidence. Honoured only when `judgeEvent` passes, the event matches its schema, the emitter's key
 * `end.<queue>` (writable only by that role) holds this event (type, message id and, for a completion, outcome),
 * and no later stage has written the goal's context (a search end is void once scrapes landed; a rank-stage
 * failure once communications wrote its keys); a communications `nothing-found` also needs an empty ranking when
 * the evidence knows it (`rankedCount`). Pure.
 */
export function judgeTerminalEvent(
  subjectGoalId: string | undefined,
  body: unknown,
  evidence: GoalEvidence,
): EventJudgement {
  const basic = judgeEvent(subjectGoalId, body);
  if (!basic.honoured) return basic;
  const type = str((body as Record<string, unknown>)['type']) ?? '';
  if (!isTerminalEventType(type)) return ignored('malformed', `${type} is not a terminal event`);
  const parsed = (type === 'goal.completed' ? GoalCompleted : GoalFailed).safeParse(body);
  if (!parsed.success)
    return ignored(
      'malformed',
      `the ${type} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const event = parsed.data;
  const queue = event.queue as AgentQueue;
  const end = evidence.ends[queue];
  if (!end) return ignored('no-end-evidence', `the goal's context has no end.${queue} key`, queue);
  const outcome = event.type === 'goal.completed' ? event.outcome : undefined;
  if (end.type !== event.type || end.messageId !== event.messageId || end.outcome !== outcome)
    return ignored(
      'end-evidence-mismatch',
      `end.${queue} holds ${end.type}${end.outcome ? ` (${end.outcome})` : ''} ${end.messageId}, not this ${event.type}${outcome ? ` (${outcome})` : ''} ${event.messageId}`,
      queue,
    );
  if (outcome === 'nothing-found' && queue === 'report' && (evidence.rankedCount ?? 0) > 0)
    return ignored(
      'ranking-not-empty',
      `report claims nothing found but the ranking holds ${evidence.rankedCount ?? 0} entries`,
      queue,
    );
  const later = laterStageKeys(evidence.keys, stageOf(queue) ?? 0);
  if (later.length > 0)
    return ignored(
      'later-stage-evidence',
      `later stages went on since (${later.slice(0, 3).join(', ')}${later.length > 3 ? `, +${later.length - 3} more` : ''})`,
      queue,
    );
  return { honoured: true };
}
