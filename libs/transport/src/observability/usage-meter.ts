import type { ModelUsage } from '@swarm/contracts';

/** Most prompt versions one attempt reports (the contract's bound). */
const MAX_PROMPT_VERSIONS = 16;

/** Cost is summed in micro-dollars' precision so that adding many small calls does not drift. */
function roundCost(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}

/**
 * The sum of two usages of one attempt: calls, tokens and cost add up, prompt versions are merged in first-seen
 * order, the model and a fallback reason are the latest ones. Pure.
 */
export function addUsage(total: ModelUsage | undefined, next: ModelUsage): ModelUsage {
  if (!total) return { ...next, promptVersions: [...new Set(next.promptVersions)] };
  const fallback = next.fallback ?? total.fallback;
  return {
    model: next.model,
    promptVersions: [...new Set([...total.promptVersions, ...next.promptVersions])].slice(
      0,
      MAX_PROMPT_VERSIONS,
    ),
    calls: total.calls + next.calls,
    inputTokens: total.inputTokens + next.inputTokens,
    outputTokens: total.outputTokens + next.outputTokens,
    costUsd: roundCost(total.costUsd + next.costUsd),
    ...(fallback === undefined ? {} : { fallback }),
  };
}
