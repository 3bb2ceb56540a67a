import type { BudgetPolicy, GoalBudget } from '@swarm/contracts';
import { BUDGET_POLICIES } from '@swarm/contracts';
import type { PlannedGoal } from './goal-feeder.js';
import { planGoals } from './goal-feeder.js';

/**
 * How tight a goal's budget is. A goal runs at least six model calls (search's tool step and plan, one per
 * scraped page, the ranking, the report's prose):
 * - `roomy`: 40 calls, 400,000 tokens, $1 (at the scenario's price table): enough, kills and all;
 * - `calls`: 3 calls, exhausted by the scrapes at the latest;
 * - `tokens`: 6,000 tokens, exhausted after a few calls (a scraped page's prompt alone is thousands).
 */
export const BUDGET_TIGHTNESS = ['roomy', 'calls', 'tokens'] as const;
/** One of {@link BUDGET_TIGHTNESS}. */
export type BudgetTightness = (typeof BUDGET_TIGHTNESS)[number];

const LIMITS: Readonly<Record<BudgetTightness, GoalBudget>> = {
  roomy: { modelCalls: 40, tokens: 400_000, costUsd: 1 },
  calls: { modelCalls: 3 },
  tokens: { tokens: 6_000 },
};

/** A goal with a budget: its policy and how tight its limits are. */
export interface BudgetedGoal extends PlannedGoal {
  readonly policy: BudgetPolicy;
  readonly tightness: BudgetTightness;
}

/**
 * `count` goals (as {@link planGoals}) with budgets: goal `n` has policy `pause`, `degrade`, `fail` by `n % 3`
 * and tightness by `floor(n / 3) % 3`, so every nine goals hold each policy at each tightness once. Pure.
 */
export function planBudgetedGoals(prefix: string, count: number): BudgetedGoal[] {
  return planGoals(prefix, count).map((goal, n) => {
    const policy = BUDGET_POLICIES[n % BUDGET_POLICIES.length]!;
    const tightness = BUDGET_TIGHTNESS[Math.floor(n / BUDGET_POLICIES.length) % BUDGET_TIGHTNESS.length]!;
    return {
      ...goal,
      spec: { ...goal.spec, budget: { ...LIMITS[tightness], onExhausted: policy } },
      policy,
      tightness,
    };
  });
}

/** How a goal ended, as the events stream says (`GoalLedger.finalOf`). */
export interface GoalEnd {
  readonly type: 'goal.completed' | 'goal.failed';
  readonly outcome?: string;
  readonly reason?: string;
}

/**
 * Why a goal's end does not fit its policy, or undefined when it does. A goal under `fail` whose budget ran out
 * must fail with reason `budget-exhausted`; every other goal must complete, delivered or nothing-found (under
 * `degrade` possibly on the builtin brains, under `pause` after a top-up). Pure.
 */
export function endMisfit(policy: BudgetPolicy, exhausted: boolean, end: GoalEnd): string | undefined {
  const mustFail = policy === 'fail' && exhausted;
  if (end.type === 'goal.completed') {
    if (mustFail) return 'completed although its budget ran out under fail';
    return end.outcome === 'delivered' || end.outcome === 'nothing-found'
      ? undefined
      : `completed with outcome ${end.outcome ?? '?'}`;
  }
  if (mustFail && end.reason === 'budget-exhausted') return undefined;
  return `failed with ${end.reason ?? '?'} under ${policy} (${exhausted ? '' : 'not '}exhausted)`;
}
