import type { BudgetRecord, Envelope } from '@swarm/contracts';
import { GoalSubmitted } from '@swarm/contracts';
import type { GoalBudgetLedger } from '../context/goal-budget-ledger.js';
import { BudgetExhaustedError } from '../errors.js';
import { currentTaskScope } from '../observability/task-scope.js';
import type { DeadlineHint } from './deadline-hint.js';
import { deadlineHintHeader, hintAllowsStart, NO_DEADLINE } from './deadline-hint.js';

/** The longest delay a timer takes (about 24.8 days); a deadline further away is not timed. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** At a deadline whose record cannot be read (KV unavailable), how long until the check is tried again. */
const DEADLINE_RECHECK_MS = 1_000;

/** What running a task within its goal's budget gives back besides the handler's result. */
export interface BudgetedRun<T> {
  readonly result: T;
  /** The `Swarm-Deadline` the task's hand-offs carry (undefined only for a task outside any budget scope). */
  readonly deadlineHeader: string | undefined;
}

/** How a task may start: the deadline to time (if any) and the header its hand-offs carry. */
interface Admission {
  readonly deadlineAt?: number;
  readonly header: string | undefined;
  /** The goal has no record yet: one is opened from the defaults once the task has done its work. */
  readonly unopened?: boolean;
}

/**
 * Admits a task: a `goal.submitted` opens the record; a task whose `Swarm-Deadline` says the deadline is ahead
 * (or that there is none) starts without a read, because deadlines only move later; any other task reads the
 * record and is refused once its deadline has passed.
 */
async function admit(
  ledger: GoalBudgetLedger,
  payload: Envelope,
  hint: DeadlineHint | undefined,
): Promise<Admission> {
  // Only a goal.submitted opens the record: test the type before parsing, so the other tasks skip a failing parse.
  const submitted =
    (payload as { type?: unknown }).type === 'goal.submitted' ? GoalSubmitted.safeParse(payload) : undefined;
  let record: BudgetRecord | undefined;
  if (submitted?.success) {
    record = await ledger.open(submitted.data.goal.budget, Date.parse(submitted.data.timestamp));
  } else if (hint && hintAllowsStart(hint, Date.now())) {
    return hint.kind === 'none'
      ? { header: NO_DEADLINE }
      : { deadlineAt: hint.deadlineAt, header: String(hint.deadlineAt) };
  } else {
    record = await ledger.read();
    if (!record) return { header: undefined, unopened: true };
  }
  const check = await ledger.checkDeadline(record);
  return { deadlineAt: check.deadlineAt, header: deadlineHintHeader(check.record) };
}

/**
 * The header for the hand-offs of a task whose goal had no record (submitted before budgets, or its tasks put
 * straight onto a queue): the task did its work, so the goal's record is opened from the deployment's defaults,
 * counted from now, and the next tasks need not read it. A task that failed or was refused writes nothing. When
 * the record cannot be written the hand-offs go without the header (their tasks read).
 */
async function openAfterWork(ledger: GoalBudgetLedger): Promise<string | undefined> {
  return ledger.open(undefined, Date.now()).then(deadlineHintHeader, () => undefined);
}

/**
 * Runs a task within its goal's budget: a `goal.submitted` opens the goal's budget record (its own budget over
 * the deployment's defaults, the deadline counted from submission); a task of a goal past its deadline is
 * refused before it starts; one still running at the deadline has its signal aborted and ends with
 * BudgetExhaustedError, so a hung step (a page that never answers) cannot hold the goal past it. At the deadline
 * the record is read again: a deadline a budget addition extended meanwhile is timed anew instead.
 * `hint`: the task's `Swarm-Deadline` (see `DeadlineHint`), which spares the read while the deadline is ahead.
 * @throws BudgetExhaustedError (not retryable) with the goal's policy once the deadline has passed.
 */
export async function withinBudget<T>(
  payload: Envelope,
  deadline: AbortController,
  run: () => Promise<T>,
  hint?: DeadlineHint,
): Promise<BudgetedRun<T>> {
  const ledger = currentTaskScope()?.budget;
  if (!ledger) return { result: await run(), deadlineHeader: undefined };
  const { deadlineAt, header, unopened } = await admit(ledger, payload, hint);
  if (deadlineAt === undefined) {
    const result = await run();
    return { result, deadlineHeader: unopened ? await openAfterWork(ledger) : header };
  }
  let timer: NodeJS.Timeout | undefined;
  let over = false;
  const expired = new Promise<never>((_resolve, reject) => {
    const arm = (at: number) => {
      const delay = at - Date.now();
      if (over || delay > MAX_TIMER_MS) return;
      timer = setTimeout(() => void recheck(at), Math.max(0, delay));
    };
    const recheck = async (due: number) => {
      let record: BudgetRecord | undefined;
      try {
        record = await ledger.read();
      } catch {
        if (!over) arm(Date.now() + DEADLINE_RECHECK_MS); // the record could not be read: try again shortly
        return;
      }
      if (over) return;
      const current = record?.deadlineAt ?? due;
      if (current > Date.now()) {
        arm(current); // an addition extended the deadline while the task ran
        return;
      }
      const reason = `the goal's deadline passed at ${new Date(current).toISOString()} while the task ran`;
      const error = new BudgetExhaustedError(ledger.goalId, record?.onExhausted ?? 'fail', reason);
      reject(error);
      deadline.abort(error);
      ledger.exhaust(reason, 'deadline').catch(() => undefined);
    };
    arm(deadlineAt);
  });
  try {
    return { result: await Promise.race([run(), expired]), deadlineHeader: header };
  } finally {
    over = true;
    clearTimeout(timer);
  }
}
