import { z } from 'zod';
import type { SinkName } from './delivery-sinks.js';
import { SINK_NAMES } from './delivery-sinks.js';

/**
 * Keys of deployment-level records in the goals KV bucket. They start with `=`, which a goal id can never hold
 * (`GoalId`), so no goal's `<goalId>.<key>` can ever name one, and no `*.<family>` pattern of a goal key family
 * matches one.
 */
export const DEPLOYMENT_KEYS = {
  /** What this deployment's communications agent can deliver (`DeliveryCapabilities`), written by each replica at start. */
  delivery: '=deployment.delivery',
} as const;
/** A deployment-level key. */
export type DeploymentKey = (typeof DEPLOYMENT_KEYS)[keyof typeof DEPLOYMENT_KEYS];

const SinkNameSchema = z.enum(Object.values(SINK_NAMES) as [SinkName, ...SinkName[]]);

/**
 * The deployment record under `DEPLOYMENT_KEYS.delivery`: the sinks the communications agent enables (its
 * `DELIVERY_SINKS`, in that order). A goal without `deliverTo` is delivered to all of them; a goal whose
 * `deliverTo` names another sink is refused at the door. Each replica puts it at start-up (same content, last
 * write wins); clients may read it.
 */
export const DeliveryCapabilities = z.strictObject({
  /** The sinks enabled, in `DELIVERY_SINKS` order (also the default of a goal without `deliverTo`). */
  sinks: z.array(SinkNameSchema).min(1),
  /** When the replica wrote it (ISO-8601). */
  updatedAt: z.iso.datetime({ offset: true }),
  /** The replica that wrote it (its instance id). */
  instance: z.string().min(1).max(128),
});
/** What a deployment can deliver. */
export type DeliveryCapabilities = z.infer<typeof DeliveryCapabilities>;

/**
 * The sinks of `deliverTo` that `capabilities` does not enable, in `deliverTo` order; empty when the goal may be
 * delivered (no `deliverTo`, or every name enabled). Pure.
 */
export function sinksNotEnabled(
  deliverTo: readonly string[] | undefined,
  capabilities: Pick<DeliveryCapabilities, 'sinks'>,
): string[] {
  const enabled: readonly string[] = capabilities.sinks;
  return [...new Set(deliverTo ?? [])].filter((sink) => !enabled.includes(sink));
}
