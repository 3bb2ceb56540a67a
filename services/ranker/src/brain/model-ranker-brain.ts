import type { Ranking } from '@swarm/contracts';
import type { TermStats } from '@swarm/corpus';
import type { ModelClient } from '@swarm/models';
import type { RelevanceGrade } from '../domain/graded-relevance.js';
import { rankCandidates, type RankInput } from '../domain/rank-candidates.js';
import { gradeRelevanceInputs } from './grade-relevance-input.js';
import { RelevanceGradesOutput } from './grade-relevance-output.js';
import { relevanceGradeErrors } from './grade-relevance-rules.js';
import { GRADE_RELEVANCE_PROMPT } from './prompts/grade-relevance.prompt.js';
import type { RankerBrain } from './ranker-brain.js';

/**
 * The model-backed ranker: a model grades each candidate's relevance to the goal (0..3, citing the candidate's
 * facts; `ranker.grade-relevance@1`, one call per batch of 20 candidates), and `rankCandidates` combines the
 * grades with the measured adoption, freshness, coverage and license. With `SWARM_MODEL_FALLBACK=builtin` a
 * model that fails for good is replaced by `builtin`'s ranking (the fallback is recorded in the usage).
 */
export class ModelRankerBrain implements RankerBrain {
  /** @param termStats as `BuiltinRankerBrain`'s: how the domain's packages use words (`corpusTermStats()`). */
  constructor(
    private readonly client: ModelClient,
    private readonly builtin: RankerBrain,
    private readonly termStats?: TermStats,
  ) {}

  /**
   * @throws TaskError (permanent) for an unusable input, before any model call.
   * @throws ModelOutputError when the grades stay invalid after the corrections (without fallback).
   * @throws ModelCallError when the provider fails (retryable ones are never answered by the builtin).
   */
  async rank(input: RankInput, signal?: AbortSignal): Promise<Ranking> {
    // The measured ranking first: it refuses a bad input before any call, and is the answer for no candidates.
    const measured = await this.builtin.rank(input, signal);
    if (input.candidates.length === 0) return measured;
    return this.client.invokeAgent('ranker', () =>
      this.client.withFallback(
        async () =>
          rankCandidates({
            ...(this.termStats ? { termStats: this.termStats } : {}),
            ...input,
            relevanceGrades: await this.grade(input, signal),
          }),
        () => measured,
      ),
    );
  }

  private async grade(input: RankInput, signal?: AbortSignal): Promise<Record<string, RelevanceGrade>> {
    const grades = new Map<string, RelevanceGrade>();
    for (const batch of gradeRelevanceInputs(input.query, input.candidates, input.outcomes)) {
      const output = await this.client.generateChecked({
        prompt: GRADE_RELEVANCE_PROMPT,
        input: batch,
        schema: RelevanceGradesOutput,
        validate: (answer) => relevanceGradeErrors(answer, batch),
        ...(signal ? { signal } : {}),
      });
      for (const { candidateId, grade, rationale } of output.grades) {
        grades.set(candidateId, { grade, rationale: rationale.trim() });
      }
    }
    return Object.fromEntries(grades);
  }
}
