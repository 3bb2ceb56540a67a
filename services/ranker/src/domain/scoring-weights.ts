import { ScoringWeights } from '@swarm/contracts';
import { invalidWeights } from './errors.js';
import { DEFAULT_WEIGHTS, MAX_WEIGHT } from './scoring-settings.js';

/** The score components, in the order reports list them. */
export const COMPONENTS = ['relevance', 'adoption', 'freshness', 'coverage', 'license'] as const;
/** A score component's name. */
export type ComponentName = (typeof COMPONENTS)[number];

/**
 * The weights a goal scores with: `DEFAULT_WEIGHTS` with the goal's overrides on top, normalized to sum to 1.
 * Pure. Throws a permanent `invalid-weights` TaskError for a value outside 0..10, an unknown component, or
 * weights that are all zero.
 */
export function resolveWeights(overrides: Partial<ScoringWeights> = {}): ScoringWeights {
  const parsed = ScoringWeights.partial().safeParse(overrides);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.') || 'weights';
      return `${path}: ${issue.message}`;
    });
    throw invalidWeights(`weights must each be a number from 0 to ${MAX_WEIGHT}: ${problems.join('; ')}`);
  }
  const merged: ScoringWeights = { ...DEFAULT_WEIGHTS };
  for (const name of COMPONENTS) {
    const value = parsed.data[name];
    if (value !== undefined) merged[name] = value;
  }
  const total = COMPONENTS.reduce((sum, name) => sum + merged[name], 0);
  if (total <= 0) {
    throw invalidWeights(
      `weights ${JSON.stringify(merged)} are all zero after the goal's overrides; at least one must be above 0`,
    );
  }
  return {
    relevance: merged.relevance / total,
    adoption: merged.adoption / total,
    freshness: merged.freshness / total,
    coverage: merged.coverage / total,
    license: merged.license / total,
  };
}
