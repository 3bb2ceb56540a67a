import { z } from 'zod';

/** Bounds of a query plan: terms are short words or phrases, lists stay small. */
export const QUERY_PLAN_LIMITS = {
  topicMaxChars: 200,
  termMaxChars: 64,
  mustMax: 8,
  shouldMax: 16,
  capabilityTagsMax: 16,
  excludeMax: 8,
} as const;

const Term = z.string().max(QUERY_PLAN_LIMITS.termMaxChars);

/**
 * The structured query plan the search model answers with (after calling at least one source tool). `count`
 * is only typed here: its bounds are a rule (`validateQueryPlan`) so the model is told the allowed range.
 */
export const QueryPlan = z.strictObject({
  /** What the goal is about, in a few words. */
  topic: z.string().min(1).max(QUERY_PLAN_LIMITS.topicMaxChars),
  /** How many results the goal asks for (1..`LIMITS.topNMax`). */
  count: z.int(),
  /** Terms every result must be about. */
  must: z.array(Term).max(QUERY_PLAN_LIMITS.mustMax),
  /** Terms that make a result more relevant. */
  should: z.array(Term).max(QUERY_PLAN_LIMITS.shouldMax),
  /** Capabilities the goal wants (e.g. `tool-calling`, `rag`, `mcp`). */
  capabilityTags: z.array(Term).max(QUERY_PLAN_LIMITS.capabilityTagsMax),
  /** Terms a result must not match (its name, summary or keywords): such hits are dropped. */
  exclude: z.array(Term).max(QUERY_PLAN_LIMITS.excludeMax),
});
/** The search model's structured query plan. */
export type QueryPlan = z.infer<typeof QueryPlan>;
