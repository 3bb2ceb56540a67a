import type { BudgetRecord } from '@swarm/contracts';
import { budgetLeft, reservedOf } from '@swarm/contracts';

function usd(value: number): string {
  return `$${value.toFixed(4)}`;
}

/** `1m05s`, `42s`: a short duration. Pure. */
function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/**
 * A goal's budget as lines: spent (and reserved by calls in flight) against each limit and what is left, the
 * deadline, the policy, whether it ran out and why, and every addition with who made it. Pure.
 */
export function renderBudget(record: BudgetRecord, now: Date): string[] {
  const left = budgetLeft(record);
  const reserved = reservedOf(record);
  const { limits, spent } = record;
  const parts = [
    limits.costUsd === undefined
      ? `cost ${usd(spent.costUsd)} (no limit)`
      : `cost ${usd(spent.costUsd)} of ${usd(limits.costUsd)} (${usd(left.costUsd ?? 0)} left)`,
    limits.tokens === undefined
      ? `tokens ${spent.tokens} (no limit)`
      : `tokens ${spent.tokens} of ${limits.tokens} (${left.tokens ?? 0} left)`,
    limits.modelCalls === undefined
      ? `calls ${spent.modelCalls} (no limit)`
      : `calls ${spent.modelCalls} of ${limits.modelCalls} (${left.modelCalls ?? 0} left)`,
  ];
  const deadline =
    record.deadlineAt === undefined
      ? 'no deadline'
      : record.deadlineAt > now.getTime()
        ? `deadline in ${duration(record.deadlineAt - now.getTime())}`
        : `deadline passed ${new Date(record.deadlineAt).toISOString()}`;
  const inFlight = Object.keys(record.reservations).length;
  return [
    `budget    ${parts.join(' · ')}`,
    `          ${deadline}; when exhausted: ${record.onExhausted}${inFlight > 0 ? `; ${inFlight} call(s) in flight reserve ${reserved.tokens} tokens` : ''}`,
    ...(record.exhausted
      ? [`          exhausted at ${record.exhausted.at}: ${record.exhausted.reason}`]
      : []),
    ...record.additions.map((addition) => {
      const added = Object.entries(addition.add).map(([name, value]) => `${name} +${value}`);
      if (addition.deadlineMs !== undefined) added.push(`deadline +${duration(addition.deadlineMs)}`);
      return `          added ${added.join(', ') || 'nothing'} by ${addition.by} at ${addition.at}`;
    }),
  ];
}

/**
 * Whether a goal's budget says anything at the end of a followed goal: a limit, a deadline, model spend, an
 * exhaustion or an addition. A goal on builtin brains with no budget has none of these, and `swarm goal --wait`
 * and `swarm watch` print no budget block for it (`swarm budget <goal>` still shows the record). Pure.
 */
export function budgetWorthShowing(record: BudgetRecord): boolean {
  return (
    Object.keys(record.limits).length > 0 ||
    record.deadlineAt !== undefined ||
    record.spent.modelCalls > 0 ||
    record.exhausted !== undefined ||
    record.additions.length > 0
  );
}
