import type { ModelUsage, UsageRecord } from '@swarm/contracts';

/** The agents in pipeline order; other kinds follow in name order. */
const AGENT_ORDER = ['search', 'scraper', 'ranker', 'communications'];

/** What one agent (kind) spent on models for the goal, every attempt added up. */
export interface UsageRow {
  /** The agent kind, or `Total`. */
  readonly agent: string;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  /** Distinct models, first seen first. */
  readonly models: readonly string[];
  /** Distinct prompt versions, first seen first. */
  readonly promptVersions: readonly string[];
}

/** An attempt that gave up on its model and answered with the builtin brain. */
export interface UsageFallback {
  readonly agent: string;
  readonly taskId: string;
  readonly reason: string;
}

/** The report's "Model usage" section as data. */
export interface UsageSummary {
  readonly rows: readonly UsageRow[];
  readonly total: UsageRow;
  readonly fallbacks: readonly UsageFallback[];
}

function sum(agent: string, records: readonly UsageRecord[]): UsageRow {
  const distinct = (values: string[]) => [...new Set(values)];
  return {
    agent,
    calls: records.reduce((n, r) => n + r.usage.calls, 0),
    inputTokens: records.reduce((n, r) => n + r.usage.inputTokens, 0),
    outputTokens: records.reduce((n, r) => n + r.usage.outputTokens, 0),
    costUsd: Math.round(records.reduce((n, r) => n + r.usage.costUsd, 0) * 1e9) / 1e9,
    models: distinct(records.map((r) => r.usage.model)),
    promptVersions: distinct(records.flatMap((r) => r.usage.promptVersions)),
  };
}

function agentRank(kind: string): number {
  const index = AGENT_ORDER.indexOf(kind);
  return index < 0 ? AGENT_ORDER.length : index;
}

/**
 * Adds up a goal's usage records per agent kind (pipeline order: search, scraper, ranker, communications,
 * then any other kind by name), with the total and every fallback to a builtin brain in record order.
 * Undefined when there is no record: the report then has no "Model usage" section. Pure.
 */
export function summarizeUsage(records: readonly UsageRecord[]): UsageSummary | undefined {
  if (records.length === 0) return undefined;
  const kinds = [...new Set(records.map((record) => record.agent.kind))].sort(
    (a, b) => agentRank(a) - agentRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    rows: kinds.map((kind) =>
      sum(
        kind,
        records.filter((record) => record.agent.kind === kind),
      ),
    ),
    total: sum('Total', records),
    fallbacks: records.flatMap((record) =>
      record.usage.fallback === undefined
        ? []
        : [{ agent: record.agent.kind, taskId: record.taskId, reason: record.usage.fallback }],
    ),
  };
}

/**
 * The goal's stored usage records plus the running attempt's usage so far (the transport stores an attempt's
 * record only when it ends), unless a record of that attempt is already stored. Pure.
 */
export function withAttemptUsage(
  stored: readonly UsageRecord[],
  attempt: Omit<UsageRecord, 'usage'>,
  usage: ModelUsage | undefined,
): UsageRecord[] {
  const recorded = stored.some(
    (record) =>
      record.queue === attempt.queue &&
      record.taskId === attempt.taskId &&
      record.deliveryCount === attempt.deliveryCount,
  );
  return usage === undefined || recorded ? [...stored] : [...stored, { ...attempt, usage }];
}

/** The table's column headings, in order. */
export const USAGE_HEADINGS = [
  'Agent',
  'Calls',
  'Input tokens',
  'Output tokens',
  'Cost (USD)',
  'Models',
  'Prompt versions',
] as const;

/** The plain-text cells of one usage row: counts as whole numbers, cost with 4 decimals. */
export function usageCells(row: UsageRow): string[] {
  return [
    row.agent,
    String(row.calls),
    String(row.inputTokens),
    String(row.outputTokens),
    row.costUsd.toFixed(4),
    row.models.length > 0 ? row.models.join(', ') : '-',
    row.promptVersions.length > 0 ? row.promptVersions.join(', ') : '-',
  ];
}

/** The line a fallback gets: `the ranker used its builtin brain: <reason>`. */
export function fallbackLine(fallback: UsageFallback): string {
  return `the ${fallback.agent} used its builtin brain: ${fallback.reason}`;
}
