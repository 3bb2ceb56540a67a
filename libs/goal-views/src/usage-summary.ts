import { ModelUsage } from '@swarm/contracts';
import type { GoalEvent } from './goal-timeline.js';

/** Model usage added up over task attempts. */
export interface UsageTotals {
  /** Task attempts that reported usage. */
  readonly attempts: number;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** US dollars; 0 when no price is configured. */
  readonly costUsd: number;
  /** The models used (`<provider>:<model>`), in first-seen order. */
  readonly models: readonly string[];
  /** Attempts that gave up on the model and used the builtin brain. */
  readonly fallbacks: number;
}

/** A goal's model usage per agent kind (in first-seen order) and overall. */
export interface UsageSummary {
  readonly byAgent: ReadonlyArray<{ readonly agent: string } & UsageTotals>;
  readonly total: UsageTotals;
}

const EMPTY: UsageTotals = {
  attempts: 0,
  calls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  models: [],
  fallbacks: 0,
};

/** Adds cost at nano-dollar precision so that many small calls do not drift. */
const addCost = (a: number, b: number) => Math.round((a + b) * 1e9) / 1e9;

function add(totals: UsageTotals, usage: ModelUsage): UsageTotals {
  return {
    attempts: totals.attempts + 1,
    calls: totals.calls + usage.calls,
    inputTokens: totals.inputTokens + usage.inputTokens,
    outputTokens: totals.outputTokens + usage.outputTokens,
    costUsd: addCost(totals.costUsd, usage.costUsd),
    models: totals.models.includes(usage.model) ? totals.models : [...totals.models, usage.model],
    fallbacks: totals.fallbacks + (usage.fallback === undefined ? 0 : 1),
  };
}

/** Which attempt an event reports: its message id (unique per task for completions, per delivery for failures). */
function attemptKey(event: GoalEvent): string {
  const b = event.body;
  return typeof b['messageId'] === 'string'
    ? b['messageId']
    : JSON.stringify([event.type, b['taskId'], b['deliveryCount']]);
}

/** The valid usage an event carries, if it is a `task.completed` or `task.failed` with one. Pure. */
export function usageOf(event: GoalEvent): ModelUsage | undefined {
  if (event.type !== 'task.completed' && event.type !== 'task.failed') return undefined;
  if (event.body['usage'] === undefined) return undefined;
  const parsed = ModelUsage.safeParse(event.body['usage']);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Adds up the model usage of a goal's `task.completed` and `task.failed` events, per agent kind and overall,
 * counting each attempt once (an event read twice counts once). Undefined when no event carried usage (every
 * agent on its builtin brain). Pure.
 */
export function summarizeUsage(events: readonly GoalEvent[]): UsageSummary | undefined {
  const seen = new Set<string>();
  const byAgent = new Map<string, UsageTotals>();
  let total = EMPTY;
  for (const event of events) {
    const usage = usageOf(event);
    if (!usage) continue;
    const key = attemptKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    const agent = (event.body['agent'] as { kind?: unknown } | undefined)?.kind;
    const kind = typeof agent === 'string' ? agent : 'unknown';
    byAgent.set(kind, add(byAgent.get(kind) ?? EMPTY, usage));
    total = add(total, usage);
  }
  if (total.attempts === 0) return undefined;
  return { byAgent: [...byAgent].map(([agent, totals]) => ({ agent, ...totals })), total };
}
