import { z } from 'zod';
import { envelopeShape } from './envelope.js';
import { GoalBudget } from './budget.js';
import { LIMITS } from './limits.js';

/** Scoring weights a goal may override (each 0..10; the ranker normalizes them). */
export const ScoringWeights = z.strictObject({
  relevance: z.number().min(0).max(10),
  adoption: z.number().min(0).max(10),
  freshness: z.number().min(0).max(10),
  coverage: z.number().min(0).max(10),
  license: z.number().min(0).max(10),
});
/** Scoring weights. */
export type ScoringWeights = z.infer<typeof ScoringWeights>;

/** What a user asks the swarm for. Unknown fields are rejected so a typo never passes silently. */
export const GoalSpec = z.strictObject({
  text: z.string().trim().min(1, 'goal text is empty').max(LIMITS.goalTextMaxChars),
  topN: z.int().min(1).max(LIMITS.topNMax).default(LIMITS.topNDefault),
  requireApproval: z.boolean().default(false),
  weights: ScoringWeights.partial().optional(),
  /** Names of configured delivery sinks; absent means every sink the deployment enables. */
  deliverTo: z.array(z.string().min(1).max(64)).max(16).optional(),
  submittedBy: z.string().max(128).optional(),
  /** Limits on the goal's model spend and time; absent = the deployment's defaults (SWARM_BUDGET_DEFAULT_*). */
  budget: GoalBudget.optional(),
});
/** What a user asks the swarm for, after defaults are applied. */
export type GoalSpec = z.infer<typeof GoalSpec>;
/** What a user may send (defaults not yet applied). */
export type GoalSpecInput = z.input<typeof GoalSpec>;

/** `goal.submitted`: a new goal. The search agent claims it; nothing else on the bus caused it. */
export const GoalSubmitted = z.strictObject({
  type: z.literal('goal.submitted'),
  ...envelopeShape,
  goal: GoalSpec,
});
/** A new goal. */
export type GoalSubmitted = z.infer<typeof GoalSubmitted>;
