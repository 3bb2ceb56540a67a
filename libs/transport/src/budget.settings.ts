import type { BudgetPolicy, GoalBudget } from '@swarm/contracts';
import { BUDGET_POLICIES } from '@swarm/contracts';
import { z } from 'zod';

const cost = z.coerce.number().min(0).optional();
const count = z.coerce.number().int().min(0).optional();
const ms = z.coerce.number().int().min(1).optional();

/**
 * Goal budgets: the deployment's defaults (a goal that names no budget, or leaves a quantity out, gets these)
 * and its ceiling (the door refuses a goal asking for more; a default above the ceiling is refused at boot).
 * Unset means no limit. Part of `TransportSettings`; docs/governance.md has the table.
 */
export const BudgetSettings = {
  /** Default cost limit of a goal, US dollars (from the model price table). Unset: no limit. */
  budgetDefaultCostUsd: cost,
  /** Default token limit of a goal (input and output of every call). Unset: no limit. */
  budgetDefaultTokens: count,
  /** Default limit on a goal's model calls. Unset: no limit. */
  budgetDefaultModelCalls: count,
  /** Default deadline of a goal, milliseconds from submission. Unset: none. */
  budgetDefaultDeadlineMs: ms,
  /** The most cost a goal may ask for. Unset: no ceiling. */
  budgetMaxCostUsd: cost,
  /** The most tokens a goal may ask for. Unset: no ceiling. */
  budgetMaxTokens: count,
  /** The most model calls a goal may ask for. Unset: no ceiling. */
  budgetMaxModelCalls: count,
  /** The longest deadline a goal may ask for, milliseconds. Unset: no ceiling. */
  budgetMaxDeadlineMs: ms,
  /** What exhaustion does when a goal does not say: `pause`, `degrade` or `fail`. */
  budgetOnExhausted: z.enum(BUDGET_POLICIES).default('fail'),
} as const;

/** The environment variable behind each budget setting. */
export const BUDGET_ENV = {
  budgetDefaultCostUsd: 'SWARM_BUDGET_DEFAULT_COST_USD',
  budgetDefaultTokens: 'SWARM_BUDGET_DEFAULT_TOKENS',
  budgetDefaultModelCalls: 'SWARM_BUDGET_DEFAULT_MODEL_CALLS',
  budgetDefaultDeadlineMs: 'SWARM_BUDGET_DEFAULT_DEADLINE_MS',
  budgetMaxCostUsd: 'SWARM_BUDGET_MAX_COST_USD',
  budgetMaxTokens: 'SWARM_BUDGET_MAX_TOKENS',
  budgetMaxModelCalls: 'SWARM_BUDGET_MAX_MODEL_CALLS',
  budgetMaxDeadlineMs: 'SWARM_BUDGET_MAX_DEADLINE_MS',
  budgetOnExhausted: 'SWARM_BUDGET_ON_EXHAUSTED',
} as const satisfies Record<keyof typeof BudgetSettings, string>;

/** Parsed budget settings (a part of `TransportSettings`). */
export type BudgetLimitsSettings = z.infer<z.ZodObject<typeof BudgetSettings>>;

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The deployment's default budget, with its exhaustion policy. Pure. */
export function budgetDefaults(
  settings: BudgetLimitsSettings,
): GoalBudget & { readonly onExhausted: BudgetPolicy } {
  return {
    ...defined({
      costUsd: settings.budgetDefaultCostUsd,
      tokens: settings.budgetDefaultTokens,
      modelCalls: settings.budgetDefaultModelCalls,
      deadlineMs: settings.budgetDefaultDeadlineMs,
    }),
    onExhausted: settings.budgetOnExhausted,
  };
}

/** The deployment's ceiling: the most a goal may ask for. Pure. */
export function budgetCeiling(settings: BudgetLimitsSettings): GoalBudget {
  return defined({
    costUsd: settings.budgetMaxCostUsd,
    tokens: settings.budgetMaxTokens,
    modelCalls: settings.budgetMaxModelCalls,
    deadlineMs: settings.budgetMaxDeadlineMs,
  });
}
