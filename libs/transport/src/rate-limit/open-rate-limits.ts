import type { BusConnection } from '../bus/bus-connection.js';
import type { TransportLogger } from '../queue/task-runner.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import { RateLimitStore } from './rate-limit-store.js';

/**
 * Opens the rate-limits bucket for an agent replica's tasks. When it cannot (an old deployment whose NATS user
 * may not read it), the replica serves anyway and says so: its model calls are then not rate limited.
 */
export async function openRateLimits(
  bus: BusConnection,
  topology: BusTopology,
  settings: TransportSettings,
  logger: TransportLogger,
): Promise<RateLimitStore | undefined> {
  try {
    return await RateLimitStore.open(bus, topology.rateLimitsBucket, settings.casMaxAttempts);
  } catch (error) {
    logger.warn(
      `rate-limits bucket ${topology.rateLimitsBucket} not opened (${(error as Error).message}): ` +
        'this replica does not take part in the swarm-wide model rate limits',
    );
    return undefined;
  }
}
