import type { SwarmClient } from '@swarm/transport';
import { EXIT_CODES } from '../errors.js';
import type { GoalHead, GoalRow } from '@swarm/goal-views';
import { planBoardReads, readGoalHeads, readGoalRows, staleGoals, verifyEndedHeads } from '@swarm/goal-views';
import { countGoals } from '../display/goal-count.js';

/** Options of `swarm goals`. */
export interface GoalsOptions {
  /** List ended goals too (by default only the open ones). */
  readonly all?: boolean;
  /** Exit 1 when an open goal was first submitted longer ago than this, among every goal on the stream. */
  readonly staleAfterMs?: number;
  /** Rows shown at most, newest first (no cap when absent). Never limits the `staleAfterMs` check. */
  readonly limit?: number;
  readonly json?: boolean;
}

/** `0.42` -> `0.4s`, `90` -> `1m30s`, `7260` -> `2h01m`. Pure. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, seconds).toFixed(1)}s`;
  const s = Math.floor(seconds);
  if (s < 3_600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')}m`;
}

/** `open (scrape)` for an open goal whose stage is known, else the outcome. Pure. */
export function outcomeCell(row: GoalRow): string {
  return row.outcome === 'open' && row.stage !== undefined ? `open (${row.stage})` : row.outcome;
}

/**
 * The board as aligned lines, newest first (TIME: since submission, or until the goal ended), then one line of
 * counts over every goal on the stream, saying how many rows the limit left out. Pure.
 */
export function renderBoard(rows: readonly GoalRow[], heads: readonly GoalHead[], hidden = 0): string[] {
  const widths = [
    Math.max(4, ...rows.map((r) => r.goalId.length)),
    Math.max(7, ...rows.map((r) => outcomeCell(r).length)),
    7,
  ];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd();
  const more = hidden > 0 ? `; ${hidden} more not shown (--limit)` : '';
  return [
    ...(rows.length > 0 ? [line(['GOAL', 'OUTCOME', 'TIME', 'TEXT'])] : []),
    ...rows.map((r) =>
      line([r.goalId, outcomeCell(r), formatAge(r.ageSeconds), (r.text ?? '').slice(0, 80)]),
    ),
    `${countGoals(heads)}${more}`,
  ];
}

/**
 * `swarm goals`: the goals on the events stream, newest first, each with its outcome (delivered, nothing-found,
 * rejected, approval-expired, failed) or `open` with the stage it last reached. Lists the open goals (or all with
 * `all`), at most `limit` rows; with `staleAfterMs`, exits 1 when any open goal on the stream is older than that,
 * so a scheduled check can alert on goals that stopped moving. How it reads the stream: `readGoalHeads`. An end
 * without its evidence in the goal's context counts for nothing, and each ended row shown is checked in full
 * (`verifyEndedHeads`), with a warning line for every terminal event it ignores.
 */
export async function runGoals(
  client: SwarmClient,
  options: GoalsOptions,
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const readOptions = {
    all: options.all,
    limit: options.limit,
    staleCheck: options.staleAfterMs !== undefined,
  };
  const indexed = await readGoalHeads(client);
  // The ended rows shown are checked in full against their goals' context; a forged end leaves a goal open.
  const checked = await verifyEndedHeads(client, planBoardReads(indexed, readOptions).shown);
  const byId = new Map(checked.heads.map((head) => [head.goalId, head]));
  const heads = indexed.map((head) => byId.get(head.goalId) ?? head);
  const plan = planBoardReads(heads, readOptions);
  const rows = await readGoalRows(client, plan.details, plan.stageOf, now);
  const byGoal = new Map(rows.map((row) => [row.goalId, row]));
  const shown = plan.shown.flatMap((head) => byGoal.get(head.goalId) ?? []);
  const candidates = options.all ? heads.length : heads.filter((h) => h.outcome === 'open').length;
  if (options.json) out(JSON.stringify(shown, null, 2));
  else
    for (const line of [
      ...renderBoard(shown, heads, candidates - shown.length),
      ...checked.warnings.map((w) => `warning: ${w}`),
    ])
      out(line);
  if (options.staleAfterMs === undefined) return EXIT_CODES.ok;
  const stale = staleGoals(rows, options.staleAfterMs / 1_000);
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
