import { BullmqDriver } from './bullmq.driver.js';
import { LangGraphDriver } from './langgraph.driver.js';
import { NestNatsDriver } from './nest-nats.driver.js';
import type { BenchInfra, PipelineDriver } from './pipeline-driver.js';
import { RawJetStreamDriver } from './raw-jetstream.driver.js';
import { RestateDriver } from './restate.driver.js';
import { SwarmDriver } from './swarm.driver.js';
import type { SystemId } from './system-ids.js';

/** The driver of a system on the run's servers. */
export function createDriver(id: SystemId, infra: BenchInfra): PipelineDriver {
  switch (id) {
    case 'raw':
      return new RawJetStreamDriver(infra);
    case 'swarm-off':
      return new SwarmDriver(infra, false);
    case 'swarm-on':
      return new SwarmDriver(infra, true);
    case 'bullmq':
      return new BullmqDriver(infra);
    case 'nest-nats':
      return new NestNatsDriver(infra);
    case 'langgraph':
      return new LangGraphDriver(infra);
    case 'restate':
      return new RestateDriver(infra);
  }
}
