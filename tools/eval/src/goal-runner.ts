import type { JudgedGoal } from './judged-set.js';
import type { GoalRun } from './scoring.js';
import { ARTIFACTS, buildGoalSubmitted, Ranking } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';

/** How long one goal may take, by default, from when the runner starts waiting for it. */
export const DEFAULT_GOAL_TIMEOUT_MS = 180_000;

/** How one goal ended, with what it returned (package names, best first). */
export interface GoalRunResult extends GoalRun {
  readonly goalId: string;
  /** `goal.completed`'s summary, or the failure's reason. */
  readonly summary: string;
}

const FINAL_EVENTS = new Set(['goal.completed', 'goal.failed']);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The goal id a run gives a judged goal: `eval-<goal id>-<run stamp>`, one subject token. Pure. */
export function evalGoalId(goal: Pick<JudgedGoal, 'id'>, runStamp: string): string {
  return `eval-${goal.id}-${runStamp}`;
}

/** Publishes a judged goal as `goal.submitted` with its topN, submitted by `eval`. */
export async function submitJudgedGoal(client: SwarmClient, goal: JudgedGoal, goalId: string): Promise<void> {
  const outbound = buildGoalSubmitted(goalId, { text: goal.text, topN: goal.topN, submittedBy: 'eval' });
  await client.submitGoal(outbound);
}

/**
 * Waits for the goal's `goal.completed` or `goal.failed` on the events stream (read from its first event, so a
 * goal that already ended is seen at once). The eval runs on a stack it started itself, so it reads the events as
 * they are. Resolves `{ type: 'timeout' }` after `timeoutMs`.
 */
async function finalEventOf(
  client: SwarmClient,
  goalId: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    for await (const message of client.followEvents(
      client.topology.goalEventsSubject(goalId),
      abort.signal,
    )) {
      const body = message.body as Record<string, unknown> | null;
      if (body && FINAL_EVENTS.has(str(body['type']))) return body;
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { type: 'timeout' };
}

/** The package names of a goal's ranking artifact, best first; none when the goal wrote no ranking. */
export async function rankedNamesOf(client: SwarmClient, goalId: string): Promise<string[]> {
  const bytes = await (await client.goal(goalId)).getArtifact(ARTIFACTS.ranking);
  if (!bytes) return [];
  const ranking = Ranking.parse(JSON.parse(new TextDecoder().decode(bytes)));
  return [...ranking.ranked].sort((a, b) => a.rank - b.rank).map((entry) => entry.candidate.name);
}

/**
 * Waits for a submitted goal to end and reads what it returned: the ranking artifact (`<goalId>/ranking.json`)
 * when it completed, nothing when it ended `nothing-found`, failed or ran out of time.
 */
export async function awaitGoalRun(
  client: SwarmClient,
  goalId: string,
  timeoutMs = DEFAULT_GOAL_TIMEOUT_MS,
): Promise<GoalRunResult> {
  const final = await finalEventOf(client, goalId, timeoutMs);
  if (final['type'] === 'timeout')
    return { goalId, outcome: 'timeout', ranked: [], summary: `no end within ${timeoutMs}ms` };
  if (final['type'] === 'goal.failed') {
    const reason = final['reason'] as { message?: unknown } | undefined;
    return { goalId, outcome: 'failed', ranked: [], summary: str(reason?.message) };
  }
  const outcome = str(final['outcome']);
  const ranked = outcome === 'nothing-found' ? [] : await rankedNamesOf(client, goalId);
  return { goalId, outcome, ranked, summary: str(final['summary']) };
}

/**
 * Runs judged goals on a swarm: submits every goal at once (each with its topN), then waits for each in turn
 * (`timeoutMs` per goal, counted from when the runner starts waiting for it) and reads its ranking.
 * `onGoal` is called as each one ends. Returns the results in the goals' order.
 */
export async function runJudgedGoals(
  client: SwarmClient,
  goals: readonly JudgedGoal[],
  options: {
    readonly runStamp: string;
    readonly timeoutMs?: number;
    readonly onGoal?: (goal: JudgedGoal, result: GoalRunResult) => void;
  },
): Promise<GoalRunResult[]> {
  const ids = goals.map((goal) => evalGoalId(goal, options.runStamp));
  for (const [index, goal] of goals.entries()) await submitJudgedGoal(client, goal, ids[index]!);
  const results: GoalRunResult[] = [];
  for (const [index, goal] of goals.entries()) {
    const result = await awaitGoalRun(client, ids[index]!, options.timeoutMs);
    options.onGoal?.(goal, result);
    results.push(result);
  }
  return results;
}
