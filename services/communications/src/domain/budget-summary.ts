import type { BudgetRecord, UsageRecord } from '@swarm/contracts';
import { budgetLeft } from '@swarm/contracts';

/** The budget table's column headings, in order. */
export const BUDGET_HEADINGS = ['Quantity', 'Limit', 'Spent', 'Left'] as const;

/** The report's "Budget" section as data: one row per quantity, then sentences. */
export interface BudgetSummary {
  /** Plain-text cells per quantity (cost, tokens, model calls), as `BUDGET_HEADINGS` orders them. */
  readonly rows: readonly (readonly string[])[];
  /** The policy, the deadline, whether it ran out or degraded, and every addition with who made it. */
  readonly notes: readonly string[];
}

const POLICY_MEANING = {
  pause: 'hold the goal until a human adds to it',
  degrade: 'finish with the builtin brains',
  fail: 'end the goal as failed',
} as const;

const usd = (value: number) => `$${value.toFixed(4)}`;

function row(
  name: string,
  limit: number | undefined,
  spent: number,
  left: number | undefined,
  format: (n: number) => string,
): string[] {
  return [
    name,
    limit === undefined ? 'no limit' : format(limit),
    format(spent),
    left === undefined ? '-' : format(left),
  ];
}

/** `cost +0.25, deadline +600s by alice at <time>, resuming 2 parked tasks`. */
function additionNote(addition: BudgetRecord['additions'][number]): string {
  const names: Readonly<Record<string, string>> = {
    costUsd: 'cost',
    tokens: 'tokens',
    modelCalls: 'model calls',
  };
  const parts = Object.entries(addition.add).map(([name, value]) => `${names[name] ?? name} +${value}`);
  if (addition.deadlineMs !== undefined) parts.push(`deadline +${Math.round(addition.deadlineMs / 1_000)}s`);
  const resumed = addition.resumed?.length ?? 0;
  return (
    `Added ${parts.join(', ') || 'nothing'} by ${addition.by} at ${addition.at}` +
    (resumed > 0 ? `, resuming ${resumed} parked task${resumed === 1 ? '' : 's'}.` : '.')
  );
}

/**
 * A goal's budget as the report shows it: limits, spent and left per quantity (calls in flight count as not
 * left), the policy, the deadline, why it ran out, whether agents answered with their builtin brains because it
 * did (a usage record's fallback `budget-exhausted: ...`), and every addition. Undefined when the budget limits
 * nothing and nothing happened to it (no deadline, no addition, never exhausted): the report then has no
 * "Budget" section. Pure.
 */
export function summarizeBudget(
  record: BudgetRecord | undefined,
  usage: readonly UsageRecord[],
): BudgetSummary | undefined {
  if (!record) return undefined;
  const degradedCalls = usage.filter((r) => r.usage.fallback?.startsWith('budget-exhausted')).length;
  const eventful =
    Object.keys(record.limits).length > 0 ||
    record.deadlineAt !== undefined ||
    record.additions.length > 0 ||
    record.exhausted !== undefined ||
    degradedCalls > 0;
  if (!eventful) return undefined;
  const { limits, spent } = record;
  const left = budgetLeft(record);
  const count = (n: number) => String(n);
  const notes = [
    `When exhausted: ${record.onExhausted} (${POLICY_MEANING[record.onExhausted]}).`,
    ...(record.deadlineAt === undefined ? [] : [`Deadline: ${new Date(record.deadlineAt).toISOString()}.`]),
    ...(record.exhausted
      ? [`The budget ran out at ${record.exhausted.at}: ${record.exhausted.reason}.`]
      : []),
    ...(degradedCalls > 0
      ? [
          `Degraded: ${degradedCalls} agent attempt${degradedCalls === 1 ? '' : 's'} answered with the builtin ` +
            'brain because the budget ran out.',
        ]
      : []),
    ...record.additions.map(additionNote),
  ];
  return {
    rows: [
      row('Cost (USD)', limits.costUsd, spent.costUsd, left.costUsd, usd),
      row('Tokens', limits.tokens, spent.tokens, left.tokens, count),
      row('Model calls', limits.modelCalls, spent.modelCalls, left.modelCalls, count),
    ],
    notes,
  };
}
