import { z } from 'zod';
import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import type { ModelSettings } from '@swarm/models';
import { AgentEnv, loadAgentModel, parseEnv } from '@swarm/agent-kit';
import type { SinkConfig } from './sinks/index.js';
import { parseSinkConfig } from './sinks/index.js';

/** Approval settings (env): how long a goal waits for a human, how parked goals are resumed, what a timeout means. */
export const ApprovalEnv = z.object({
  /** How long a report waits for an approver's decision (default 10 minutes). */
  APPROVAL_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(10 * 60_000),
  /**
   * How often each replica looks for parked goals past their deadline (decisions resume a goal at once; this
   * also sends the resumes of decisions found at start).
   */
  APPROVAL_SWEEP_MS: z.coerce.number().int().min(50).default(1_000),
  /** How long a replica waits before it sends a still-open goal's expiry resume again (a lost or slow resume). */
  APPROVAL_RESUME_RETRY_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** On timeout: `reject` (not delivered, outcome approval-expired) or `deliver` anyway. */
  APPROVAL_TIMEOUT_POLICY: z.enum(['reject', 'deliver']).default('reject'),
});

/** Report settings (env): what the report cites besides what the ranker gives. */
export const ReportEnv = z.object({
  /**
   * The URL template of a package's page on a registry website, with `{name}` where the package's name goes
   * (scoped names keep their `@` and `/`). When set, every ranked entry's sources end with that page, a
   * permanent source even for packages that publish neither homepage nor repository. Unset by default: the
   * report cites the loopback docs page, the homepage and the repository only.
   */
  REPORT_PACKAGE_PAGE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((template) => template.includes('{name}'), 'must contain {name}')
    .optional(),
});

/** The communications agent's configuration, parsed once at boot. */
export interface CommunicationsConfig {
  readonly transport: TransportSettings;
  readonly agent: AgentEnv;
  readonly approval: z.infer<typeof ApprovalEnv>;
  readonly sinks: SinkConfig;
  readonly report: z.infer<typeof ReportEnv>;
  /** Which brain writes the report's prose: `builtin` (default, none) or a model (`SWARM_MODEL*`). */
  readonly model: ModelSettings;
}

/**
 * Reads the configuration from an environment map (only main.ts passes process.env).
 * @throws an error naming every bad delivery variable; ModelConfigError naming every bad `SWARM_MODEL*` one.
 */
export function loadCommunicationsConfig(
  env: Readonly<Record<string, string | undefined>>,
): CommunicationsConfig {
  return {
    transport: transportSettingsFromEnv(env),
    agent: parseEnv(AgentEnv, env),
    approval: parseEnv(ApprovalEnv, env),
    sinks: parseSinkConfig(env),
    report: parseEnv(ReportEnv, env),
    model: loadAgentModel(env),
  };
}
