import { randomUUID } from 'node:crypto';
import type { BudgetAmounts } from '@swarm/contracts';
import { currentTaskScope } from '../observability/task-scope.js';

/** A reservation made for one model call: settle it with what the call really used. */
export interface ModelCallTicket {
  /** Closes the reservation with the call's real usage (the unused part returns). Never throws. */
  settle(actual: BudgetAmounts): Promise<void>;
}

const NO_RESERVATION: ModelCallTicket = { settle: () => Promise.resolve() };

/** Longest part of a task id a reservation id keeps (the rest is a random suffix). */
const TASK_ID_CHARS = 120;

/**
 * Reserves a model call's estimate from the budget of the goal the calling task runs for, before the call
 * starts (the agent's model client calls it for every provider request). Outside a task, or in a task without
 * a budget, nothing is reserved. A settle that fails leaves the estimate reserved: the budget then counts more
 * than was spent, never less.
 * @throws BudgetExhaustedError (not retryable) with the goal's policy when the budget cannot cover the estimate.
 */
export async function reserveModelCall(estimate: BudgetAmounts): Promise<ModelCallTicket> {
  const scope = currentTaskScope();
  const ledger = scope?.budget;
  if (!scope || !ledger) return NO_RESERVATION;
  const id = `${scope.taskId.slice(0, TASK_ID_CHARS)}/${randomUUID()}`;
  await ledger.reserve(id, estimate);
  return { settle: (actual) => ledger.settle(id, actual).catch(() => undefined) };
}
