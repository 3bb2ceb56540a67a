import type { GradeRelevanceInput } from './grade-relevance-input.js';
import type { RelevanceGradesOutput } from './grade-relevance-output.js';
import { MAX_RATIONALE_CHARS } from './grade-relevance-output.js';

/** A fact id written inline in a rationale, e.g. `[F2]` or `(F2)`. */
const INLINE_FACT_ID = /[[(]\s*F\d+\s*[\])]/;

function factRange(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.length === 1 ? ids[0]! : `${ids[0]}-${ids[ids.length - 1]}`;
}

/**
 * What is wrong with a grading answer for `input`, in words the model can act on ([] when it is valid): every
 * candidate graded exactly once and no other; each grade cites at least one fact and only that candidate's
 * fact ids; each rationale is non-empty, at most `MAX_RATIONALE_CHARS` characters, with no inline fact ids.
 * Pure.
 */
export function relevanceGradeErrors(output: RelevanceGradesOutput, input: GradeRelevanceInput): string[] {
  const errors: string[] = [];
  const facts = new Map(input.candidates.map((candidate) => [candidate.id, Object.keys(candidate.facts)]));
  const counts = new Map<string, number>();
  for (const grade of output.grades) {
    const id = grade.candidateId;
    const own = facts.get(id);
    if (own === undefined) {
      errors.push(`candidate "${id}" is not in the input: grade only the given ids`);
      continue;
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (counts.get(id) !== 1) continue;
    if (grade.cites.length === 0)
      errors.push(`the grade of "${id}" cites no fact: cite at least one of its facts (${factRange(own)})`);
    for (const cite of grade.cites) {
      if (!own.includes(cite))
        errors.push(`the grade of "${id}" cites ${cite}, which is not one of its facts (${factRange(own)})`);
    }
    const rationale = grade.rationale.trim();
    if (rationale === '')
      errors.push(`the rationale of "${id}" is empty: say in one sentence which facts decided the grade`);
    if (rationale.length > MAX_RATIONALE_CHARS)
      errors.push(
        `the rationale of "${id}" is ${rationale.length} characters: keep it to ${MAX_RATIONALE_CHARS}`,
      );
    if (INLINE_FACT_ID.test(rationale))
      errors.push(`the rationale of "${id}" writes fact ids inline: list them in "cites" only`);
  }
  for (const [id, count] of counts) {
    if (count > 1)
      errors.push(`candidate "${id}" is graded ${count} times: grade each candidate exactly once`);
  }
  for (const candidate of input.candidates) {
    if (!counts.has(candidate.id))
      errors.push(`candidate "${candidate.id}" has no grade: grade every candidate exactly once`);
  }
  return errors;
}
