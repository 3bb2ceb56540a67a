import type { GoalSpecInput } from './goal.js';
import { GoalSubmitted } from './goal.js';
import { goalFingerprint, messageIds } from './ids.js';
import { GoalSpec } from './goal.js';
import { SUBJECTS } from './topology.js';
import { SCHEMA_VERSION } from './version.js';

/**
 * Builds the `goal.submitted` message for a goal and the subject to publish it on. The message id carries the
 * fingerprint of the goal with defaults applied, so the same goal submitted twice is one goal.
 * @throws ZodError when the goal or the goal id is invalid (describe it with `describeIssues`).
 */
export function buildGoalSubmitted(
  goalId: string,
  spec: GoalSpecInput,
  now: Date = new Date(),
): { subject: string; message: GoalSubmitted } {
  const goal = GoalSpec.parse(spec);
  const message = GoalSubmitted.parse({
    type: 'goal.submitted',
    schemaVersion: SCHEMA_VERSION,
    messageId: messageIds.goalSubmitted(goalId, goalFingerprint(goal)),
    goalId,
    taskId: messageIds.searchTask(goalId),
    causationId: null,
    attempt: 1,
    timestamp: now.toISOString(),
    goal,
  });
  return { subject: SUBJECTS.event(goalId, 'goal.submitted'), message };
}
