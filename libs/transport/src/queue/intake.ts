import type { Envelope, ErrorInfo } from '@swarm/contracts';
import { decodePayload, goalIdInSubject } from '@swarm/contracts';
import type { z } from 'zod';
import { TRANSPORT_ERROR_CODES } from '../errors.js';

/** What the runner knows of a refused message's ids; the rest are sniffed from it. */
export interface KnownIds {
  readonly goalId: string;
  readonly taskId?: string;
  readonly messageId?: string;
}

/** A delivery taken in (its payload, typed by the queue's schema), or why it is dead-lettered at the door. */
export type Intake =
  | { readonly ok: true; readonly payload: Envelope }
  | {
      readonly ok: false;
      readonly reason: ErrorInfo;
      readonly known?: KnownIds;
      /** False when the goal id is only sniffed from the message, which whoever publishes it can forge. */
      readonly mayFailGoal?: boolean;
    };

/**
 * Checks a delivery at the door, before any handler sees it: the payload must match the queue's schema, and when
 * the consumed subject carries a goal id (an event consumed as a task, e.g. `swarm.evt.<goalId>.goal.submitted`),
 * the payload's `goalId` must be that goal (`subject-goal-mismatch` otherwise, which fails no goal). A broken
 * payload is filed under the subject's goal when there is one, and otherwise under a goal id sniffed from the
 * message, which it may not fail. Pure.
 */
export function checkIntake(
  schema: z.ZodType,
  filterSubject: string,
  subject: string,
  data: Uint8Array,
): Intake {
  const subjectGoalId = goalIdInSubject(filterSubject, subject);
  const decoded = decodePayload(schema, data);
  if (!decoded.ok) {
    const code =
      decoded.problem.kind === 'not-json'
        ? TRANSPORT_ERROR_CODES.notJson
        : TRANSPORT_ERROR_CODES.invalidPayload;
    return {
      ok: false,
      reason: { code, message: decoded.problem.message, retryable: false },
      ...(subjectGoalId === undefined ? { mayFailGoal: false } : { known: { goalId: subjectGoalId } }),
    };
  }
  const payload = decoded.value as Envelope;
  if (subjectGoalId !== undefined && subjectGoalId !== payload.goalId)
    return {
      ok: false,
      reason: {
        code: TRANSPORT_ERROR_CODES.subjectGoalMismatch,
        message: `the subject ${subject} names goal ${subjectGoalId} but the payload names goal ${payload.goalId}`,
        retryable: false,
      },
      known: { goalId: subjectGoalId, taskId: payload.taskId, messageId: payload.messageId },
    };
  return { ok: true, payload };
}
