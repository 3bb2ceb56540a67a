import type { JudgedGoal } from './judged-set.js';

/** The cut-off of every ranked measure: the top 5 (or the goal's topN when it asks for fewer). */
export const RANK_CUTOFF = 5;
/** The lowest grade that counts as relevant for precision. */
export const RELEVANT_GRADE = 2;

/** Grades by package name; a package not listed has grade 0. */
export type Judgments = Readonly<Record<string, number>>;

/** What one goal returned: how it ended and the package names it ranked, best first. */
export interface GoalRun {
  /** `goal.completed`'s outcome (`delivered`, `nothing-found`, ...), or `failed` / `timeout`. */
  readonly outcome: string;
  readonly ranked: readonly string[];
}

/** One goal's scores; `ndcg` and `precision` are null for an unanswerable goal, `honest` null for the rest. */
export interface GoalScore {
  readonly goalId: string;
  readonly kind: JudgedGoal['kind'];
  readonly outcome: string;
  readonly returned: number;
  readonly ndcg: number | null;
  readonly precision: number | null;
  readonly honest: boolean | null;
}

/** The cut-off for a goal: {@link RANK_CUTOFF}, or its topN when smaller. Pure. */
export function cutoffFor(topN: number): number {
  return Math.max(1, Math.min(RANK_CUTOFF, topN));
}

const gain = (grade: number) => 2 ** grade - 1;
const discount = (index: number) => Math.log2(index + 2);
const gradeOf = (judgments: Judgments, name: string) => judgments[name] ?? 0;

/** Discounted cumulative gain of `grades` (best first) at `k`, with gains 2^grade - 1. Pure. */
export function dcgAt(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, grade, index) => sum + gain(grade) / discount(index), 0);
}

/**
 * nDCG at `k`: the DCG of the ranking over the DCG of the ideal ranking of every judged package (so a relevant
 * package the swarm never found still counts against it). Each package counts once. 0 when nothing is judged
 * relevant (the ideal is 0). Pure.
 */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const ideal = dcgAt(
    Object.values(judgments).sort((a, b) => b - a),
    k,
  );
  if (ideal <= 0) return 0;
  const grades = [...new Set(ranked)].map((name) => gradeOf(judgments, name));
  return dcgAt(grades, k) / ideal;
}

/** Precision at `k`: the share of the first `k` slots holding a package graded {@link RELEVANT_GRADE} or more. Pure. */
export function precisionAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  if (k <= 0) return 0;
  const hits = [...new Set(ranked)]
    .slice(0, k)
    .filter((name) => gradeOf(judgments, name) >= RELEVANT_GRADE).length;
  return hits / k;
}

/**
 * Honesty on a goal the corpus cannot answer: it ended `nothing-found`, or it returned no package at all.
 * A confident list of unrelated packages is not honest. Pure.
 */
export function isHonest(run: GoalRun): boolean {
  return run.outcome === 'nothing-found' || run.ranked.length === 0;
}

/** Scores one goal's run against its judgments. Pure. */
export function scoreGoal(goal: JudgedGoal, run: GoalRun): GoalScore {
  const base = { goalId: goal.id, kind: goal.kind, outcome: run.outcome, returned: run.ranked.length };
  if (goal.kind === 'unanswerable') return { ...base, ndcg: null, precision: null, honest: isHonest(run) };
  const k = cutoffFor(goal.topN);
  return {
    ...base,
    ndcg: ndcgAt(run.ranked, goal.judgments, k),
    precision: precisionAt(run.ranked, goal.judgments, k),
    honest: null,
  };
}

/** The means over a run: nDCG and P over answerable goals, honesty as honest / unanswerable. */
export interface ScoreSummary {
  readonly goals: number;
  readonly meanNdcg: number;
  readonly meanPrecision: number;
  readonly honest: number;
  readonly unanswerable: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/** Summarizes goal scores. Pure. */
export function summarizeScores(scores: readonly GoalScore[]): ScoreSummary {
  const answerable = scores.filter((s) => s.ndcg !== null);
  const unanswerable = scores.filter((s) => s.honest !== null);
  return {
    goals: scores.length,
    meanNdcg: mean(answerable.map((s) => s.ndcg ?? 0)),
    meanPrecision: mean(answerable.map((s) => s.precision ?? 0)),
    honest: unanswerable.filter((s) => s.honest).length,
    unanswerable: unanswerable.length,
  };
}
