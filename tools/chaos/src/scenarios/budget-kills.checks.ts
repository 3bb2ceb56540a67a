import type { BudgetAmounts, BudgetPolicy } from '@swarm/contracts';
import type { BudgetAudit } from '../harness/budget-audit.js';
import type { ScenarioCheck } from '../report/scenario-result.js';

/** What the budgets-under-kills scenario observed, for its checks. */
export interface BudgetKillsObservation {
  readonly size: { readonly goals: number; readonly maxKills: number };
  readonly kills: number;
  readonly budgets: BudgetAudit;
  /** The overspend allowance: one call's reservation. */
  readonly oneCall: BudgetAmounts;
  /** Goals whose budget record could be read at the end. */
  readonly budgetRecords: number;
  /** Requests the scripted model server received. */
  readonly requests: number;
  /** Goals whose budget ran out, per policy. */
  readonly exhausted: Readonly<Record<BudgetPolicy, number>>;
  /** Goals whose budget never ran out. */
  readonly notExhausted: number;
  /** Goals whose end does not fit their policy (`endMisfit`). */
  readonly misfits: readonly string[];
  /** Open reservations at the end made by a task no killed replica had claimed. */
  readonly strayReservations: readonly string[];
  readonly completedTwice: readonly string[];
}

const SHOWN = 5;
const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.slice(0, SHOWN).join('; '));

/** The scenario's own checks (the shared ones, lost goals included, are added by `collectOutcome`). Pure. */
export function budgetChecks(seen: BudgetKillsObservation): ScenarioCheck[] {
  const { budgets, exhausted } = seen;
  return [
    {
      name: 'the planned kills happened while goals were open',
      ok: seen.kills === seen.size.maxKills,
      detail: `${seen.kills} kills (planned ${seen.size.maxKills})`,
    },
    {
      name: 'every goal has a budget record',
      ok: seen.budgetRecords === seen.size.goals,
      detail: `${seen.budgetRecords} of ${seen.size.goals}`,
    },
    {
      name: 'budgets ran out under every policy, and some never ran out',
      ok: exhausted.pause > 0 && exhausted.degrade > 0 && exhausted.fail > 0 && seen.notExhausted > 0,
      detail:
        `exhausted: pause ${exhausted.pause}, degrade ${exhausted.degrade}, fail ${exhausted.fail}; ` +
        `never: ${seen.notExhausted}`,
    },
    {
      name: 'no goal spent past its limit by more than one reservation (open reservations counted)',
      ok: budgets.overspent.length === 0,
      detail:
        budgets.overspent.length === 0
          ? `max over the limit: ${budgets.maxOverspend.modelCalls} calls, ${budgets.maxOverspend.tokens} ` +
            `tokens, $${budgets.maxOverspend.costUsd} (allowed ${seen.oneCall.tokens} tokens)`
          : list(budgets.overspent),
    },
    {
      name: 'every request the model server received was reserved first',
      ok: seen.requests > 0 && seen.requests <= budgets.reservedCalls,
      detail: `${seen.requests} requests, ${budgets.reservedCalls} calls settled or reserved`,
    },
    {
      name: 'every goal ended as its policy says',
      ok: seen.misfits.length === 0,
      detail: seen.misfits.length === 0 ? `${seen.size.goals} goals` : list(seen.misfits),
    },
    {
      name: "reservations left open are killed replicas' calls",
      ok: seen.strayReservations.length === 0,
      detail:
        seen.strayReservations.length === 0
          ? `${budgets.openReservations.length} open`
          : list(seen.strayReservations),
    },
    {
      name: 'no task completion stored twice',
      ok: seen.completedTwice.length === 0,
      detail: list(seen.completedTwice),
    },
  ];
}

/**
 * A note per task completed twice: each completion's instance and message id (a `/replay/` id is a parked task
 * a top-up replayed), each claim with its delivery, and which of those instances the scenario killed. Pure.
 */
export function doubledCompletionNotes(
  taskIds: readonly string[],
  audit: {
    readonly claims: readonly { taskId: string; instance: string; deliveryCount: number }[];
    readonly completions: ReadonlyMap<
      string,
      { readonly instances: readonly string[]; readonly messageIds: readonly string[] }
    >;
  },
  killed: ReadonlySet<string>,
): string[] {
  return taskIds.slice(0, SHOWN).map((taskId) => {
    const done = audit.completions.get(taskId);
    const completions = (done?.instances ?? []).map((instance, i) => `${instance} (${done?.messageIds[i]})`);
    const claims = audit.claims
      .filter((claim) => claim.taskId === taskId)
      .map(
        (claim) => `${claim.instance}#${claim.deliveryCount}${killed.has(claim.instance) ? ' killed' : ''}`,
      );
    return `completed twice: ${taskId}: completions ${completions.join(', ')}; claims ${claims.join(', ')}`;
  });
}
