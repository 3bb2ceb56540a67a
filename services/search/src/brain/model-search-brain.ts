import type { GoalSpec } from '@swarm/contracts';
import { LIMITS } from '@swarm/contracts';
import type { ModelClient } from '@swarm/models';
import { TaskError } from '@swarm/transport/errors';
import type { SearchSource } from '../sources/search-source.js';
import { dropExcludedHits } from './excluded-hits.js';
import { QUERY_PLAN_PROMPT } from './prompts/query-plan.prompt.js';
import { QueryPlan } from './query-plan-output.js';
import { validateQueryPlan } from './query-plan-rules.js';
import type { SearchBrain, SearchFindings } from './search-brain.js';
import { SourceToolbox } from './source-toolbox.js';

/** The search terms of a plan for events and logs: its `must` then `should` terms, trimmed, once each. Pure. */
export function planTerms(plan: QueryPlan): string {
  const terms = [...plan.must, ...plan.should].map((term) => term.trim().replace(/\s+/g, ' '));
  return [...new Set(terms.filter((term) => term !== ''))].join(' ');
}

/**
 * The model-backed search: the model (prompt `search.plan@1`) calls the configured sources as tools and answers
 * with a structured `QueryPlan`, checked by `validateQueryPlan`; the hits its tool calls collected are merged
 * (`mergeHits`) and those matching an `exclude` term are dropped. With `SWARM_MODEL_FALLBACK=builtin`, output
 * that stays invalid is answered by the builtin brain instead.
 */
export class ModelSearchBrain implements SearchBrain {
  constructor(
    private readonly client: ModelClient,
    private readonly builtin: SearchBrain,
  ) {}

  /**
   * See {@link SearchBrain.search}.
   * @throws ModelOutputError when the plan is still invalid after the corrections (and no fallback is set).
   * @throws ModelCallError when the provider fails.
   * @throws the failure of a source call (a retryable one first) when the model's every call failed.
   */
  search(goal: GoalSpec, sources: readonly SearchSource[], signal?: AbortSignal): Promise<SearchFindings> {
    return this.client.invokeAgent('search', () =>
      this.client.withFallback(
        () => this.plan(goal, sources, signal),
        () => this.builtin.search(goal, sources, signal),
      ),
    );
  }

  private async plan(
    goal: GoalSpec,
    sources: readonly SearchSource[],
    signal: AbortSignal | undefined,
  ): Promise<SearchFindings> {
    const toolbox = new SourceToolbox(this.client, sources, signal);
    const plan = await this.client.generateChecked({
      prompt: QUERY_PLAN_PROMPT,
      input: { goal: goal.text, topN: goal.topN, maxCount: LIMITS.topNMax, sources: toolbox.catalog },
      schema: QueryPlan,
      validate: (output) =>
        validateQueryPlan(output, { sourceCalls: toolbox.calls, toolNames: toolbox.toolNames }),
      tools: toolbox.tools,
      ...(signal ? { signal } : {}),
    });
    if (toolbox.answered === 0 && toolbox.failures.length > 0) {
      const retryable = toolbox.failures.find((f) => f.error instanceof TaskError && f.error.retryable);
      throw (retryable ?? toolbox.failures[0])?.error;
    }
    return {
      terms: planTerms(plan),
      hits: dropExcludedHits(toolbox.hits(), plan.exclude),
      failures: toolbox.failures,
      plan,
    };
  }
}
