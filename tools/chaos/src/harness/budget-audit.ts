import type { BudgetAmounts, BudgetRecord } from '@swarm/contracts';
import { addAmounts, NO_AMOUNTS, reservedOf } from '@swarm/contracts';

const QUANTITIES = ['costUsd', 'tokens', 'modelCalls'] as const;
/** Cost is compared to a billionth of a dollar, as the record keeps it. */
const COST_EPSILON = 1e-9;

/** One goal's budget record as read at one moment (before a top-up, or at the end). */
export interface BudgetSnapshot {
  readonly goalId: string;
  /** When it was read: `before-top-up` (the limits a paused goal ran out of) or `final`. */
  readonly when: 'before-top-up' | 'final';
  readonly record: BudgetRecord;
}

/** What the budgets of a run add up to. */
export interface BudgetAudit {
  /** Snapshots where spent plus open reservations exceed a limit by more than one call's reservation. */
  readonly overspent: readonly string[];
  /** The most any goal's spent plus open reservations exceeded its limit, per quantity (0 when none did). */
  readonly maxOverspend: BudgetAmounts;
  /** Over the final records: model calls settled plus model calls still reserved (a killed replica's). */
  readonly reservedCalls: number;
  /** Over the final records: reservations still open (their ids). */
  readonly openReservations: readonly string[];
}

/**
 * Audits budget snapshots: for every limited quantity of every snapshot, `spent + open reservations` must stay
 * within `limit + oneCall` (a call may use more than its estimate; see docs/governance.md). `reservedCalls` and
 * `openReservations` are counted over the `final` snapshots only. Pure.
 */
export function auditBudgets(snapshots: readonly BudgetSnapshot[], oneCall: BudgetAmounts): BudgetAudit {
  const overspent: string[] = [];
  const maxOverspend = { ...NO_AMOUNTS };
  let reservedCalls = 0;
  const openReservations: string[] = [];
  for (const { goalId, when, record } of snapshots) {
    const used = addAmounts(record.spent, reservedOf(record));
    for (const quantity of QUANTITIES) {
      const limit = record.limits[quantity];
      if (limit === undefined) continue;
      const over = used[quantity] - limit;
      if (over > maxOverspend[quantity]) maxOverspend[quantity] = roundOver(quantity, over);
      if (over > oneCall[quantity] + COST_EPSILON)
        overspent.push(`${goalId} (${when}): ${quantity} ${used[quantity]} of ${limit}`);
    }
    if (when !== 'final') continue;
    reservedCalls += used.modelCalls;
    openReservations.push(...Object.keys(record.reservations));
  }
  return { overspent, maxOverspend, reservedCalls, openReservations };
}

function roundOver(quantity: (typeof QUANTITIES)[number], over: number): number {
  return quantity === 'costUsd' ? Math.round(over * 1e9) / 1e9 : over;
}

/** The task a reservation was made for: its id is `<taskId>/<uuid>` (`reserveModelCall`). Pure. */
export function taskOfReservation(reservationId: string): string {
  const cut = reservationId.lastIndexOf('/');
  return cut < 0 ? reservationId : reservationId.slice(0, cut);
}

/**
 * The most one call may reserve, as the agents estimate it (`estimateCall`: one call, the prompt's JSON length
 * over 4 plus the most output tokens, at the price table), for the largest prompt the model server received.
 * Pure.
 */
export function largestCallEstimate(
  promptChars: readonly number[],
  maxOutputTokens: number,
  pricePerMTok: { readonly input: number; readonly output: number },
): BudgetAmounts {
  const input = Math.ceil(Math.max(0, ...promptChars) / 4);
  const costUsd = (input * pricePerMTok.input + maxOutputTokens * pricePerMTok.output) / 1_000_000;
  return { modelCalls: 1, tokens: input + maxOutputTokens, costUsd };
}
