import type { ModelUsage } from '@swarm/contracts';
import type { UsageSummary, UsageTotals } from '@swarm/goal-views';

/** Longest fallback reason shown on one event line (`swarm inspect --json` has all of it). */
const FALLBACK_REASON_MAX_CHARS = 200;

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** US dollars as shown: `$0` when not priced, four decimals under a dollar, cents above. Pure. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.0001) return '<$0.0001';
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** `2 calls · 1,234 in / 210 out tokens · $0.0012`. Pure. */
function figures(usage: Pick<ModelUsage, 'calls' | 'inputTokens' | 'outputTokens' | 'costUsd'>): string {
  return [
    count(usage.calls, 'call'),
    `${usage.inputTokens.toLocaleString('en-US')} in / ${usage.outputTokens.toLocaleString('en-US')} out tokens`,
    formatUsd(usage.costUsd),
  ].join(' · ');
}

/**
 * One attempt's usage as shown after a task line: `model <id> · 2 calls · 1,234 in / 210 out tokens · $0.0012`,
 * then `(fell back to builtin: <reason>)` when the agent gave up on the model. Pure.
 */
export function renderUsage(usage: ModelUsage): string {
  const reason =
    usage.fallback !== undefined && usage.fallback.length > FALLBACK_REASON_MAX_CHARS
      ? `${usage.fallback.slice(0, FALLBACK_REASON_MAX_CHARS)}…`
      : usage.fallback;
  return `model ${usage.model} · ${figures(usage)}${reason === undefined ? '' : ` (fell back to builtin: ${reason})`}`;
}

function totalsLine(totals: UsageTotals, withModels: boolean): string {
  return [
    ...(withModels ? [totals.models.join(', ')] : []),
    count(totals.attempts, 'attempt'),
    figures(totals),
    ...(totals.fallbacks > 0 ? [`${totals.fallbacks} fell back to builtin`] : []),
  ].join(' · ');
}

/**
 * A goal's model usage as lines in the style of `swarm status`: one per agent (its models, attempts, calls,
 * tokens, cost, fallbacks), then the total. Pure.
 */
export function renderUsageSummary(summary: UsageSummary): string[] {
  const width = Math.max('total'.length, ...summary.byAgent.map((a) => a.agent.length)) + 2;
  const rows = [
    ...summary.byAgent.map((a) => `${a.agent.padEnd(width)}${totalsLine(a, true)}`),
    `${'total'.padEnd(width)}${totalsLine(summary.total, false)}`,
  ];
  return rows.map((row, i) => `${i === 0 ? 'usage' : ''}`.padEnd(10) + row);
}
