import { TelemetryEnv } from '@swarm/telemetry';
import { z } from 'zod';

/** Model providers an agent may use. `builtin` is deterministic code with no network or API key. */
export const MODEL_PROVIDERS = ['builtin'] as const;
/** A model provider name. */
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/**
 * Who an agent is, declared in one place per service: its kind (the durable consumer and the name in events),
 * role, goal, the tools it uses, and its model setting.
 */
export interface AgentProfile {
  readonly kind: string;
  readonly role: string;
  readonly goal: string;
  readonly tools: readonly string[];
  readonly model: ModelProvider;
}

/** Agent settings every service reads from its environment (with the standard OTEL_* telemetry variables). */
export const AgentEnv = TelemetryEnv.extend({
  /** Port of the health endpoint (`/healthz`, `/readyz`); 0 picks a free one (printed at start). */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Address the health endpoint binds to. */
  HEALTH_HOST: z.string().min(1).default('0.0.0.0'),
  /** The model provider; only `builtin` exists today (see MODEL_PROVIDERS). */
  SWARM_MODEL: z
    .string()
    .default('builtin')
    .refine((value): value is ModelProvider => (MODEL_PROVIDERS as readonly string[]).includes(value), {
      message: `unknown model provider; supported: ${MODEL_PROVIDERS.join(', ')}`,
    }),
});
/** Agent settings every service reads from its environment. */
export type AgentEnv = z.infer<typeof AgentEnv>;
