import { isolatedTopology, parseTransportSettings, SwarmClient } from '@swarm/transport';
import { buildStageMessage } from '../pipeline/stage-message.js';
import { STAGES } from '../pipeline/stages.js';
import type { BenchInfra, PipelineDriver, StageSettings } from './pipeline-driver.js';
import { completionsOf } from './raw-jetstream.driver.js';

/**
 * (b) the swarm: four agents booted through `runAgent` on the run's isolated topology, goals published with
 * `SwarmClient`. Tracing on exports to the local OTLP receiver; off sets `OTEL_SDK_DISABLED`.
 */
export class SwarmDriver implements PipelineDriver {
  readonly id: 'swarm-on' | 'swarm-off';
  readonly entry = 'stage-agent.js';
  readonly broker = 'nats-server' as const;
  readonly roles = STAGES;
  readonly scaleOut = 'stage' as const;
  readonly canFanOut = true;
  private client: SwarmClient | undefined;
  private names: ReturnType<typeof isolatedTopology> | undefined;

  constructor(
    private readonly infra: BenchInfra,
    private readonly tracing: boolean,
  ) {
    this.id = tracing ? 'swarm-on' : 'swarm-off';
  }

  stageEnv(stage: string, replica: string, settings: StageSettings): Record<string, string> {
    const tracing: Record<string, string> = this.tracing
      ? {
          OTEL_SDK_DISABLED: 'false',
          OTEL_EXPORTER_OTLP_ENDPOINT: this.infra.otlpEndpoint,
          OTEL_SERVICE_NAME: `bench-${stage}`,
        }
      : { OTEL_SDK_DISABLED: 'true' };
    return {
      NATS_URL: this.infra.natsUrl,
      SWARM_INSTANCE_ID: replica,
      SWARM_IN_FLIGHT: String(settings.concurrency),
      ...(this.infra.quick ? { SWARM_PULL_EXPIRES_MS: '1000', SWARM_DRAIN_TIMEOUT_MS: '2000' } : {}),
      HEALTH_PORT: '0',
      HEALTH_HOST: '127.0.0.1',
      ...tracing,
    };
  }

  async open(prefix: string, onCompleted: (goalId: string) => void): Promise<void> {
    this.names = isolatedTopology(prefix, STAGES);
    this.client = await SwarmClient.connect(
      parseTransportSettings({ natsUrl: this.infra.natsUrl, instanceId: `bench-harness-${this.id}` }),
      this.names.topology,
      { provision: true, name: `bench-harness-${this.id}` },
    );
    completionsOf(this.client.bus.nc, prefix, onCompleted);
  }

  async publishGoal(goalId: string): Promise<void> {
    const message = buildStageMessage({
      goalId,
      stage: 'search',
      causationId: null,
      timestamp: new Date().toISOString(),
    });
    await this.client!.publish({ subject: this.names!.queues['search']!.filterSubject, message });
  }

  async close(): Promise<void> {
    if (!this.client || !this.names) return;
    const { jsm } = this.client.bus;
    const prefixOf = this.names.topology.eventsStream.replace(/_EVENTS$/, '');
    for await (const name of jsm.streams.names()) {
      if (name.includes(prefixOf)) await jsm.streams.delete(name).catch(() => false);
    }
    await this.client.close();
  }
}
