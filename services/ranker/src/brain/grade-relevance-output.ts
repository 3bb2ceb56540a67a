import { z } from 'zod';

/** Longest rationale the rules accept (the schema's bound is looser so the rules can say how long it was). */
export const MAX_RATIONALE_CHARS = 300;

/** One candidate's grade as the model answers it: cited facts go in `cites`, never inline in the rationale. */
export const RelevanceGradeOutput = z.object({
  candidateId: z.string().min(1).max(300),
  /** 3 does what the goal asks, 2 a close fit, 1 related, 0 unrelated. */
  grade: z.int().min(0).max(3),
  /** One sentence on why, naming the facts that decided it. */
  rationale: z.string().max(1_000),
  /** The candidate's fact ids the rationale rests on, e.g. `["F2", "F5"]`. */
  cites: z.array(z.string().max(10)).max(12),
});
/** One candidate's grade as the model answers it. */
export type RelevanceGradeOutput = z.infer<typeof RelevanceGradeOutput>;

/** The grading prompt's output: one grade per candidate of the batch. */
export const RelevanceGradesOutput = z.object({
  grades: z.array(RelevanceGradeOutput).max(60),
});
/** The grading prompt's output. */
export type RelevanceGradesOutput = z.infer<typeof RelevanceGradesOutput>;
