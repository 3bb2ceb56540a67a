import { LIMITS } from '@swarm/contracts';
import type { QueryPlan } from './query-plan-output.js';

/** What the rules check a plan against besides the plan itself. */
export interface QueryPlanContext {
  /** How many source tools the model called before it answered (failed calls included). */
  readonly sourceCalls: number;
  /** The source tools it could call, to name in the correction. */
  readonly toolNames: readonly string[];
}

const normalized = (term: string): string => term.trim().replace(/\s+/g, ' ').toLowerCase();

/** Terms of the plan that are blank (empty or whitespace). */
function blankTerms(plan: QueryPlan): string[] {
  const lists = {
    must: plan.must,
    should: plan.should,
    capabilityTags: plan.capabilityTags,
    exclude: plan.exclude,
  };
  return Object.entries(lists).flatMap(([list, terms]) =>
    terms.flatMap((term, i) =>
      term.trim() === '' ? [`${list}[${i}] is blank: drop it or give a term`] : [],
    ),
  );
}

/**
 * The search brain's rules on a parsed plan: at least one `must` or `should` term, no blank term, no term both
 * in `must` and `exclude` (case-insensitive), `count` within 1..`LIMITS.topNMax`, and at least one source tool
 * called. Returns one lowercase message per problem, naming the bad value; [] when the plan is valid. Pure.
 */
export function validateQueryPlan(plan: QueryPlan, context: QueryPlanContext): string[] {
  const errors: string[] = [];
  if ([...plan.must, ...plan.should].every((term) => term.trim() === ''))
    errors.push('the plan has no search terms: give at least one "must" or "should" term');
  errors.push(...blankTerms(plan));
  const excluded = new Set(plan.exclude.map(normalized));
  for (const term of new Set(plan.must.map(normalized))) {
    if (term !== '' && excluded.has(term))
      errors.push(`term "${term}" is both in must and exclude: remove it from one of them`);
  }
  if (!Number.isInteger(plan.count) || plan.count < 1 || plan.count > LIMITS.topNMax)
    errors.push(`count ${plan.count} is out of bounds: use a whole number from 1 to ${LIMITS.topNMax}`);
  if (context.sourceCalls === 0)
    errors.push(
      `you called no source tool: call at least one of ${context.toolNames.join(', ') || '(none configured)'} with your terms before answering`,
    );
  return errors;
}
