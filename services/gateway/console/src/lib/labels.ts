/** How a state looks: the words a person reads, a tone for its colour, and whether the goal has ended. */
export interface StateLabel {
  readonly text: string;
  readonly tone: 'neutral' | 'info' | 'warn' | 'ok' | 'bad';
  readonly ended: boolean;
}

const LABELS: Record<string, StateLabel> = {
  unknown: { text: 'Unknown', tone: 'neutral', ended: false },
  open: { text: 'Open', tone: 'info', ended: false },
  submitted: { text: 'Submitted', tone: 'info', ended: false },
  running: { text: 'Running', tone: 'info', ended: false },
  'awaiting-approval': { text: 'Awaiting approval', tone: 'warn', ended: false },
  'awaiting-budget': { text: 'Paused: awaiting budget', tone: 'warn', ended: false },
  completed: { text: 'Completed', tone: 'ok', ended: true },
  ended: { text: 'Ended', tone: 'neutral', ended: true },
  delivered: { text: 'Delivered', tone: 'ok', ended: true },
  'nothing-found': { text: 'Nothing found', tone: 'neutral', ended: true },
  rejected: { text: 'Rejected', tone: 'bad', ended: true },
  'approval-expired': { text: 'Approval expired', tone: 'bad', ended: true },
  failed: { text: 'Failed', tone: 'bad', ended: true },
};

/**
 * The label of a goal state or outcome as the API reports it (`running`, `awaiting-approval`, `delivered`, ...).
 * An unknown value is shown as-is (dashes to spaces), so a state added later still reads sensibly. Pure.
 */
export function stateLabel(state: string | undefined): StateLabel {
  if (!state) return LABELS['unknown']!;
  const known = LABELS[state];
  if (known) return known;
  const words = state.replace(/[-_.]+/g, ' ').trim();
  return { text: words.charAt(0).toUpperCase() + words.slice(1), tone: 'neutral', ended: false };
}

/** A goal's label: its outcome when it ended with one, else its state. Pure. */
export function goalLabel(state: string | undefined, outcome?: string | null): StateLabel {
  if (outcome && (state === 'completed' || state === 'failed')) return stateLabel(outcome);
  return stateLabel(state);
}

/** Milliseconds as a short duration: `850 ms`, `4.2 s`, `3 min 5 s`, `2 h 4 min`. Pure. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** US dollars with enough digits for a small model bill (`$0.0042`), `$0` for nothing. Pure. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(2)}`;
}

/** An ISO time as the user's local date and time, or '–'. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** `1 attempt`, `2 attempts`: a count with its noun (plural by `s` unless `plural` is given). Pure. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
