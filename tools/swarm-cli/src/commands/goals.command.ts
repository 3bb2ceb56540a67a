import type { EventType } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { EXIT_CODES } from '../errors.js';
import type { GoalRow } from '../goals/goal-board.js';
import { buildGoalBoard, staleGoals } from '../goals/goal-board.js';
import { toGoalEvents } from '../goals/goal-timeline.js';

/** Options of `swarm goals`. */
export interface GoalsOptions {
  /** List ended goals too (by default only those not ended). */
  readonly all?: boolean;
  /** Exit 1 when a goal not ended was submitted longer ago than this. */
  readonly staleAfterMs?: number;
  /** Events read per kind, oldest first. */
  readonly limit: number;
  readonly json?: boolean;
}

/** `0.42` -> `0.4s`, `90` -> `1m30s`, `7260` -> `2h01m`. Pure. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, seconds).toFixed(1)}s`;
  const s = Math.floor(seconds);
  if (s < 3_600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')}m`;
}

/** The board as aligned lines (TIME: since submission, or until the goal ended), then one line of counts. Pure. */
export function renderBoard(rows: readonly GoalRow[], counted: readonly GoalRow[]): string[] {
  const widths = [Math.max(4, ...rows.map((r) => r.goalId.length)), 17, 7];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd();
  const count = (state: GoalRow['state']) => counted.filter((r) => r.state === state).length;
  return [
    ...(rows.length > 0 ? [line(['GOAL', 'STATE', 'TIME', 'TEXT'])] : []),
    ...rows.map((r) => line([r.goalId, r.state, formatAge(r.ageSeconds), (r.text ?? '').slice(0, 80)])),
    `${count('open')} open, ${count('awaiting-approval')} awaiting approval, ${count('completed')} completed, ` +
      `${count('failed')} failed`,
  ];
}

/**
 * `swarm goals`: every goal on the events stream with where it stands, from its goal-level events. Lists the
 * goals not ended (or all with `all`); with `staleAfterMs`, exits 1 when one of them is older than that, so a
 * scheduled check can alert on goals that stopped moving.
 */
export async function runGoals(
  client: SwarmClient,
  options: GoalsOptions,
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const read = async (type: EventType) =>
    toGoalEvents(
      await client.readStream(client.topology.eventsStream, client.topology.eventSubject('*', type), {
        limit: options.limit,
      }),
    );
  const [submitted, completed, failed, approvalRequested, granted, rejected] = await Promise.all([
    read('goal.submitted'),
    read('goal.completed'),
    read('goal.failed'),
    read('approval.requested'),
    read('approval.granted'),
    read('approval.rejected'),
  ]);
  const board = buildGoalBoard(
    {
      submitted,
      completed,
      failed,
      approvalRequested,
      approvalDecided: [...granted, ...rejected],
    },
    now(),
  );
  const shown = options.all
    ? board
    : board.filter((r) => r.state === 'open' || r.state === 'awaiting-approval');
  if (options.json) out(JSON.stringify(shown, null, 2));
  else for (const line of renderBoard(shown, board)) out(line);
  if (options.staleAfterMs === undefined) return EXIT_CODES.ok;
  const stale = staleGoals(board, options.staleAfterMs / 1_000);
  if (stale.length === 0) return EXIT_CODES.ok;
  out(
    `${stale.length} goal(s) not ended after ${formatAge(options.staleAfterMs / 1_000)}: ` +
      stale
        .slice(0, 10)
        .map((r) => r.goalId)
        .join(', '),
  );
  return EXIT_CODES.failure;
}
