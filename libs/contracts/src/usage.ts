import { z } from 'zod';

/** Longest model id (`<provider>:<model>`) and prompt version the contracts carry. */
const MODEL_ID_MAX_CHARS = 200;
const PROMPT_VERSION_MAX_CHARS = 100;

/**
 * What one task attempt spent on a language model: calls, tokens and cost, with the model and the prompt
 * version that produced it. Carried by `task.completed` and `task.failed` of a model-backed agent (absent for
 * the builtin brains, which call no model); every attempt is counted once.
 */
export const ModelUsage = z.strictObject({
  /** `<provider>:<model>` as configured, e.g. `openai-compatible:llama3.1`. */
  model: z.string().min(1).max(MODEL_ID_MAX_CHARS),
  /** Prompt versions used in the attempt, e.g. `ranker.grade-relevance@1`. */
  promptVersions: z.array(z.string().min(1).max(PROMPT_VERSION_MAX_CHARS)).max(16),
  /** Model calls made (corrections included). */
  calls: z.int().min(0),
  inputTokens: z.int().min(0),
  outputTokens: z.int().min(0),
  /** US dollars, from the deployment's price table; 0 when no price is configured. */
  costUsd: z.number().min(0),
  /** Set when the agent gave up on the model and used its builtin brain instead (the reason). */
  fallback: z.string().max(1_000).optional(),
});
/** What one task attempt spent on a language model. */
export type ModelUsage = z.infer<typeof ModelUsage>;

/**
 * Why a model-backed task failed, carried on its error (`reason.model` of a dead letter): the model, the prompt
 * version, the model's last output (cut to 8000 characters) and the validation errors it was asked to correct.
 */
export const ModelFailure = z.strictObject({
  model: z.string().min(1).max(MODEL_ID_MAX_CHARS),
  promptVersion: z.string().min(1).max(PROMPT_VERSION_MAX_CHARS),
  lastOutput: z.string().max(8_000),
  errors: z.array(z.string().max(1_000)).max(50),
});
/** Why a model-backed task failed. */
export type ModelFailure = z.infer<typeof ModelFailure>;
