import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { connect } from '@nats-io/transport-node';
import type { MachineInfo } from '../stats/bench-results.js';

/** The machine and server versions, as the report shows them. */
export async function machineInfo(
  natsUrl: string,
  redis: { version: string; origin: 'spawned' | 'external' },
  peers: { readonly postgres?: string; readonly restate?: string } = {},
): Promise<MachineInfo> {
  const nc = await connect({ servers: natsUrl, name: 'bench-machine-info' });
  const natsServer = nc.info?.version ?? 'unknown';
  await nc.close();
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1_024 ** 3,
    node: process.version,
    natsServer,
    redis: redis.version,
    redisOrigin: redis.origin,
    ...peers,
    os: `${type()} ${release()}`,
  };
}
