import type { SinkName } from '@swarm/contracts';
import { DeliveryCapabilities, DEPLOYMENT_KEYS } from '@swarm/contracts';
import type { AgentRuntime } from '@swarm/transport';

/** The deployment record this replica announces: the sinks its `DELIVERY_SINKS` enables. Pure. */
export function deliveryCapabilities(
  sinks: readonly SinkName[],
  instance: string,
  now: Date,
): DeliveryCapabilities {
  return DeliveryCapabilities.parse({ sinks: [...sinks], updatedAt: now.toISOString(), instance });
}

/**
 * Announces what this deployment can deliver (`DEPLOYMENT_KEYS.delivery`), so the door refuses a goal naming a
 * sink it does not enable before anything runs. Every replica writes it at start (same content). A failed write
 * is only a warning: without the record the door admits every sink and a goal naming a disabled one fails at
 * delivery, as before.
 */
export async function announceDelivery(
  runtime: Pick<AgentRuntime, 'putDeploymentRecord'>,
  record: DeliveryCapabilities,
  warn: (message: string) => void,
): Promise<void> {
  try {
    await runtime.putDeploymentRecord(DEPLOYMENT_KEYS.delivery, record);
  } catch (error) {
    warn(
      `could not announce the delivery sinks under ${DEPLOYMENT_KEYS.delivery} ` +
        `(${error instanceof Error ? error.message : String(error)}); goals naming a sink not enabled will fail at delivery`,
    );
  }
}
