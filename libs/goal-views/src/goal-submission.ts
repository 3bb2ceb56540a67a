import { randomBytes } from 'node:crypto';
import type { GoalSpecInput, GoalSubmitted } from '@swarm/contracts';
import { buildGoalSubmitted, describeIssues, GoalId, GoalSpec } from '@swarm/contracts';
import { GOAL_VIEWS_ERROR_CODES, GoalViewsError } from './errors.js';

/** A goal ready to publish: its subject and message. */
export interface GoalSubmission {
  readonly goalId: string;
  readonly subject: string;
  readonly message: GoalSubmitted;
}

/** A new goal id: `g-<yyyymmdd>-<hhmmss>-<6 hex>`, sortable by time and a single subject token. */
export function newGoalId(
  now: Date = new Date(),
  random: () => string = () => randomBytes(3).toString('hex'),
): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `g-${stamp}-${random()}`;
}

/**
 * A goal id as the user typed it, checked against the contract's `GoalId` (one subject token), so a command
 * never reads or writes a wildcard subject such as `swarm.evt.*.>`. Pure. Throws GoalViewsError (`invalid-goal-id`) naming the id.
 */
export function parseGoalId(value: string): string {
  const id = GoalId.safeParse(value);
  if (!id.success)
    throw new GoalViewsError(
      GOAL_VIEWS_ERROR_CODES.invalidGoalId,
      `goal id "${value}" rejected: ${id.error.issues.map((issue) => issue.message.toLowerCase()).join('; ')}`,
    );
  return id.data;
}

/**
 * Validates a goal and builds its `goal.submitted` message. The message id carries the fingerprint of the goal
 * with defaults applied, so submitting the same goal twice is one goal. Throws GoalViewsError (`invalid-goal-id`,
 * `invalid-goal`) naming the problem when the id or the goal is invalid.
 */
export function buildGoalSubmission(
  input: GoalSpecInput,
  options: { goalId?: string; now?: Date } = {},
): GoalSubmission {
  const goalId = parseGoalId(options.goalId ?? newGoalId(options.now));
  const parsed = GoalSpec.safeParse(input);
  if (!parsed.success)
    throw new GoalViewsError(
      GOAL_VIEWS_ERROR_CODES.invalidGoal,
      `goal rejected: ${describeIssues(parsed.error.issues)}`,
    );
  return { goalId, ...buildGoalSubmitted(goalId, parsed.data, options.now) };
}

/** The N of "top N" in a goal's text, when it says one (used when `--top` is not given). Pure. */
export function inferTopN(text: string): number | undefined {
  const match = /\btop\s+(\d{1,3})\b/i.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}
