import { TelemetryEnv } from '@swarm/telemetry';
import { z } from 'zod';

/**
 * Who an agent is, declared in one place per service: its kind (the durable consumer and the name in events),
 * role, goal, and the tools it uses. Which model thinks for it is a deployment setting (`SWARM_MODEL`, see
 * `@swarm/models`), not part of the profile.
 */
export interface AgentProfile {
  readonly kind: string;
  readonly role: string;
  readonly goal: string;
  readonly tools: readonly string[];
}

/** Agent settings every service reads from its environment (with the standard OTEL_* telemetry variables). */
export const AgentEnv = TelemetryEnv.extend({
  /** Port of the health endpoint (`/healthz`, `/readyz`); 0 picks a free one (printed at start). */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Address the health endpoint binds to. */
  HEALTH_HOST: z.string().min(1).default('0.0.0.0'),
});
/** Agent settings every service reads from its environment. */
export type AgentEnv = z.infer<typeof AgentEnv>;
