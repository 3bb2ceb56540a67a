import type { TimelineEntry } from './api-types';

/** How a task attempt ended, or `running` while it has not. */
export type AttemptStatus = 'running' | 'completed' | 'retry' | 'dead-letter' | 'failed';

/** One task attempt: from its claim by a replica to how it ended. */
export interface WaterfallRow {
  readonly key: string;
  readonly taskId: string;
  /** `<agent>/<instance>` (the replica), or the agent kind alone when the instance is unknown. */
  readonly lane: string;
  readonly attempt: number;
  readonly status: AttemptStatus;
  /** Milliseconds after the waterfall's start. */
  readonly startMs: number;
  readonly endMs: number;
  /** Where the bar starts and how wide it is, in percent of the waterfall's span. */
  readonly offsetPct: number;
  readonly widthPct: number;
  readonly reason: string | undefined;
  /** A completed attempt that published further tasks (a hand-off to the next agent). */
  readonly handedOff: boolean;
}

/** A goal-level moment drawn as a line across the waterfall (submitted, approval asked, ended, ...). */
export interface WaterfallMark {
  readonly seq: number;
  readonly type: string;
  readonly atMs: number;
  readonly atPct: number;
}

/** The layout of a goal's timeline: rows of task attempts across replicas, and goal-level marks. */
export interface Waterfall {
  readonly startTime: string | undefined;
  readonly spanMs: number;
  readonly rows: readonly WaterfallRow[];
  readonly marks: readonly WaterfallMark[];
  /** The replicas that claimed work, in order of first claim. */
  readonly lanes: readonly string[];
}

type EntryKind = 'claim' | 'completed' | 'retry' | 'dead-letter' | 'failed' | 'progress' | 'mark';

/**
 * What a timeline entry means for the waterfall, from its event type and detail: `task.claimed` opens an attempt;
 * `task.completed` closes it (a hand-off when it emitted tasks); `task.failed` closes it as a retry (`retry in
 * ...`), a dead letter (`dead-lettered as ...`) or a failure; `goal.*`, `approval.*` and `budget.*` are marks. Pure.
 */
export function entryKind(type: string, detail?: string): EntryKind {
  const t = type.toLowerCase();
  const d = (detail ?? '').toLowerCase();
  if (t.startsWith('goal.') || t.startsWith('approval.') || t.startsWith('budget.')) return 'mark';
  if (t.endsWith('progress')) return 'progress';
  if (t.includes('dead') || (t.endsWith('failed') && d.includes('dead-letter'))) return 'dead-letter';
  if (t.includes('retry') || (t.endsWith('failed') && d.startsWith('retry'))) return 'retry';
  if (t.endsWith('claimed') || t === 'claim') return 'claim';
  if (t.endsWith('completed') || t.includes('hand')) return 'completed';
  if (t.endsWith('failed')) return 'failed';
  return 'mark';
}

const MIN_WIDTH_PCT = 0.75;

interface OpenRow {
  key: string;
  taskId: string;
  lane: string;
  attempt: number;
  start: number;
  end: number | undefined;
  status: AttemptStatus;
  reason: string | undefined;
  handedOff: boolean;
}

function laneOf(entry: TimelineEntry): string {
  if (entry.agent && entry.instance) return `${entry.agent}/${entry.instance}`;
  return entry.agent ?? entry.instance ?? 'unknown replica';
}

/**
 * Lays out a goal's timeline as a waterfall: one row per task attempt (a claim, closed by the attempt's
 * completion, retry, dead letter or failure), positioned on one time axis from the first entry to the last (or to
 * `nowMs` while attempts are still running). An end without a claim gets a row of its own. Pure.
 */
export function layoutWaterfall(entries: readonly TimelineEntry[], nowMs: number): Waterfall {
  const sorted = [...entries]
    .filter((e) => !Number.isNaN(Date.parse(e.time)))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.seq - b.seq);
  const first = sorted[0];
  if (!first) return { startTime: undefined, spanMs: 0, rows: [], marks: [], lanes: [] };
  const t0 = Date.parse(first.time);
  const rows: OpenRow[] = [];
  const marks: Omit<WaterfallMark, 'atPct'>[] = [];
  const lanes: string[] = [];
  for (const entry of sorted) {
    const at = Date.parse(entry.time) - t0;
    const kind = entryKind(entry.type, entry.detail);
    if (kind === 'progress') continue;
    if (kind === 'mark' || !entry.taskId) {
      marks.push({ seq: entry.seq, type: entry.type, atMs: at });
      continue;
    }
    const lane = laneOf(entry);
    if (kind === 'claim') {
      if (!lanes.includes(lane)) lanes.push(lane);
      const attempt = entry.attempt ?? rows.filter((r) => r.taskId === entry.taskId).length + 1;
      rows.push({
        key: `${entry.taskId}#${attempt}#${entry.seq}`,
        taskId: entry.taskId,
        lane,
        attempt,
        start: at,
        end: undefined,
        status: 'running',
        reason: undefined,
        handedOff: false,
      });
      continue;
    }
    const open = [...rows]
      .reverse()
      .find(
        (r) =>
          r.taskId === entry.taskId &&
          r.end === undefined &&
          (entry.attempt === undefined || r.attempt === entry.attempt),
      );
    const row =
      open ??
      rows[
        rows.push({
          key: `${entry.taskId}#${entry.attempt ?? 0}#${entry.seq}`,
          taskId: entry.taskId,
          lane,
          attempt: entry.attempt ?? 1,
          start: at,
          end: undefined,
          status: 'running',
          reason: undefined,
          handedOff: false,
        }) - 1
      ]!;
    row.end = at;
    row.status = kind;
    row.reason = entry.reason ?? (kind === 'completed' ? undefined : entry.detail);
    row.handedOff =
      kind === 'completed' && (/hand/i.test(entry.type) || /^handed off/i.test(entry.detail ?? ''));
  }
  const lastAt = Date.parse(sorted[sorted.length - 1]!.time) - t0;
  const running = rows.some((r) => r.end === undefined);
  const spanMs = Math.max(lastAt, running ? nowMs - t0 : 0, 1);
  const pct = (ms: number) => Math.min(100, Math.max(0, (ms / spanMs) * 100));
  return {
    startTime: first.time,
    spanMs,
    lanes,
    marks: marks.map((m) => ({ ...m, atPct: pct(m.atMs) })),
    rows: rows.map((r) => {
      const endMs = r.end ?? spanMs;
      const offsetPct = Math.min(pct(r.start), 100 - MIN_WIDTH_PCT);
      return {
        key: r.key,
        taskId: r.taskId,
        lane: r.lane,
        attempt: r.attempt,
        status: r.status,
        startMs: r.start,
        endMs,
        offsetPct,
        widthPct: Math.max(MIN_WIDTH_PCT, pct(endMs) - offsetPct),
        reason: r.reason,
        handedOff: r.handedOff,
      };
    }),
  };
}

/** A task id without its goal's prefix (`<goalId>/scrape/3` reads `scrape/3` on the goal's page). Pure. */
export function taskLabel(taskId: string, goalId: string): string {
  return taskId.startsWith(`${goalId}/`) ? taskId.slice(goalId.length + 1) : taskId;
}
