import { invalidInput } from './errors.js';
import type { ComponentScore } from './score-math.js';
import { RELEVANCE_SETTINGS } from './scoring-settings.js';

/** A model's relevance grade of one candidate: a whole number 0..`RELEVANCE_SETTINGS.maxGrade` and why. */
export interface RelevanceGrade {
  readonly grade: number;
  /** The model's reason, naming the candidate's facts it rests on. */
  readonly rationale: string;
}

/**
 * Relevance from a model's grade: `grade / maxGrade` (0, 0.33, 0.67 or 1), with the model's rationale, said to
 * be the model's. Pure.
 *
 * @throws TaskError (permanent) `invalid-input` for a grade that is not a whole number from 0 to `maxGrade`.
 */
export function scoreGradedRelevance(candidateId: string, grade: RelevanceGrade): ComponentScore {
  const { maxGrade } = RELEVANCE_SETTINGS;
  if (!Number.isInteger(grade.grade) || grade.grade < 0 || grade.grade > maxGrade) {
    throw invalidInput(
      `relevance grade of ${candidateId} must be a whole number from 0 to ${maxGrade}, got ${grade.grade}`,
    );
  }
  const rationale = grade.rationale.replace(/\s+/g, ' ').trim();
  return {
    score: grade.grade / maxGrade,
    rationale: `Graded ${grade.grade} of ${maxGrade} by the model: ${rationale === '' ? 'no reason given' : rationale}`,
  };
}
