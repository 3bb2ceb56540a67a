import type { Envelope } from '@swarm/contracts';
import { GoalSubmitted } from '@swarm/contracts';
import { BudgetExhaustedError } from '../errors.js';
import { currentTaskScope } from '../observability/task-scope.js';

/** The longest delay a timer takes (about 24.8 days); a deadline further away is not timed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs a task within its goal's budget: a `goal.submitted` opens the goal's budget record (its own budget over
 * the deployment's defaults, the deadline counted from submission); a task of a goal past its deadline is
 * refused before it starts; one still running at the deadline has its signal aborted and ends with
 * BudgetExhaustedError, so a hung step (a page that never answers) cannot hold the goal past it.
 * @throws BudgetExhaustedError (not retryable) with the goal's policy once the deadline has passed.
 */
export async function withinBudget<T>(
  payload: Envelope,
  deadline: AbortController,
  run: () => Promise<T>,
): Promise<T> {
  const ledger = currentTaskScope()?.budget;
  if (!ledger) return run();
  // Only a goal.submitted opens the record: test the type before parsing, so the other tasks skip a failing parse.
  const submitted =
    (payload as { type?: unknown }).type === 'goal.submitted' ? GoalSubmitted.safeParse(payload) : undefined;
  if (submitted?.success) await ledger.open(submitted.data.goal.budget, Date.parse(submitted.data.timestamp));
  const due = await ledger.checkDeadline();
  const delay = due === undefined ? undefined : due.deadlineAt - Date.now();
  if (due === undefined || delay === undefined || delay > MAX_TIMER_MS) return run();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        const reason = `the goal's deadline passed at ${new Date(due.deadlineAt).toISOString()} while the task ran`;
        const error = new BudgetExhaustedError(ledger.goalId, due.policy, reason);
        reject(error);
        deadline.abort(error);
        ledger.exhaust(reason, 'deadline').catch(() => undefined);
      },
      Math.max(0, delay),
    );
  });
  try {
    return await Promise.race([run(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
