import { z } from 'zod';
// The data file sits next to src/ and dist/ alike, so one relative import serves Jest (CommonJS) and the
// built ESM (plain node).
import rawPublicSet from '../judged/public.json' with { type: 'json' };
import { EVAL_ERROR_CODES, EvalError } from './errors.js';

/** How a goal is worded: the kinds the judged set must cover. */
export const GOAL_KINDS = ['topic', 'paraphrase', 'constrained', 'unanswerable'] as const;

/** A graded relevance judgment: 3 exactly what was asked, 2 clearly relevant, 1 related (unlisted = 0). */
export const Grade = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** One goal of a judged set, with its judgments keyed by package name. */
export const JudgedGoal = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'goal id must be kebab-case'),
  kind: z.enum(GOAL_KINDS),
  text: z.string().min(1),
  topN: z.int().min(1).max(50),
  judgments: z.record(z.string().min(1), Grade),
});
/** One judged goal. */
export type JudgedGoal = z.infer<typeof JudgedGoal>;

/** A judged set: goals over one corpus, judged before looking at the swarm's output. */
export const JudgedSet = z.strictObject({
  version: z.int().min(1),
  corpus: z.string(),
  judgedAt: z.iso.date(),
  goals: z.array(JudgedGoal).min(1),
});
/** A judged set. */
export type JudgedSet = z.infer<typeof JudgedSet>;

/**
 * Validates a judged set: its schema, unique goal ids, unanswerable goals without judgments, answerable goals
 * with at least one, and (when `corpusNames` is given) every judged package present in the corpus. Pure.
 * Throws EvalError (`eval-invalid-judged-set`) naming the first problem.
 */
export function parseJudgedSet(raw: unknown, corpusNames?: ReadonlySet<string>): JudgedSet {
  const parsed = JudgedSet.safeParse(raw);
  const fail = (message: string): never => {
    throw new EvalError(EVAL_ERROR_CODES.invalidJudgedSet, `judged set rejected: ${message}`);
  };
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  for (const goal of parsed.data.goals) {
    if (ids.has(goal.id)) fail(`goal id "${goal.id}" appears twice`);
    ids.add(goal.id);
    const judged = Object.keys(goal.judgments);
    if (goal.kind === 'unanswerable' && judged.length > 0)
      fail(`unanswerable goal "${goal.id}" judges ${judged.length} packages relevant`);
    if (goal.kind !== 'unanswerable' && judged.length === 0)
      fail(`goal "${goal.id}" has no judgments; mark it unanswerable or judge it`);
    const unknown = corpusNames ? judged.find((name) => !corpusNames.has(name)) : undefined;
    if (unknown) fail(`goal "${goal.id}" judges "${unknown}", which the corpus does not have`);
  }
  return parsed.data;
}

/** The shipped public judged set (`judged/public.json`), validated against its schema. */
export function publicJudgedSet(): JudgedSet {
  return parseJudgedSet(rawPublicSet);
}
