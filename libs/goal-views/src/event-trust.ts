import type { EventJudgement, GoalEvidence } from '@swarm/contracts';
import { isTerminalEventType, judgeEvent, judgeTerminalEvent } from '@swarm/contracts';
import type { GoalEvent } from './goal-timeline.js';

/** An event a reader ignores, with why. */
export interface IgnoredEvent {
  readonly event: GoalEvent;
  readonly judgement: Extract<EventJudgement, { honoured: false }>;
}

/** A goal's events split into those a reader honours and those it ignores (and reports). */
export interface JudgedEvents {
  readonly honoured: GoalEvent[];
  readonly ignored: IgnoredEvent[];
}

/** Whether any of `events` ends a goal: only then does judging them need the goal's context as evidence. Pure. */
export function needsEvidence(events: readonly GoalEvent[]): boolean {
  return events.some((event) => isTerminalEventType(event.type));
}

/**
 * Judges a goal's events, read from its own subjects (`<prefix>.evt.<goalId>.>`, so each subject names `goalId`):
 * an event whose payload names another goal, or whose claimed sender may not emit it, is ignored; a terminal
 * event is honoured only with the goal's context backing it (`judgeTerminalEvent`). Without `evidence`, every
 * terminal event is ignored as unbacked. Pure.
 */
export function judgeGoalEvents(
  goalId: string,
  events: readonly GoalEvent[],
  evidence: GoalEvidence | undefined,
): JudgedEvents {
  const honoured: GoalEvent[] = [];
  const ignored: IgnoredEvent[] = [];
  const none: GoalEvidence = { keys: [], ends: {} };
  for (const event of events) {
    const judgement = isTerminalEventType(event.type)
      ? judgeTerminalEvent(goalId, event.body, evidence ?? none)
      : judgeEvent(goalId, event.body);
    if (judgement.honoured) honoured.push(event);
    else ignored.push({ event, judgement });
  }
  return { honoured, ignored };
}

/**
 * The warning line for an ignored event: `ignored forged goal.completed from search: <reason>` (an event that
 * names a sender), or `ignored forged goal.failed: <reason>`. Pure.
 */
export function renderIgnored(ignored: IgnoredEvent): string {
  const { event, judgement } = ignored;
  const from = judgement.claimedBy ? ` from ${judgement.claimedBy}` : '';
  return `ignored forged ${event.type}${from}: ${judgement.reason} (${judgement.code})`;
}
