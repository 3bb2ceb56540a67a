import { Logger } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import { lastValueFrom } from 'rxjs';
import type { StageMessage } from '../pipeline/stage-message.js';
import { buildStageMessage } from '../pipeline/stage-message.js';
import { STAGES } from '../pipeline/stages.js';
import { nestNatsNames } from '../pipeline/system-names.js';
import type { BenchInfra, PipelineDriver, StageSettings } from './pipeline-driver.js';

/**
 * (d) NestJS's built-in NATS transport: goals emitted with a `ClientProxy` as a Nest app would, completions read
 * off the completion pattern (Nest's JSON packet `{ pattern, data }`). Core NATS: nothing is stored.
 */
export class NestNatsDriver implements PipelineDriver {
  readonly id = 'nest-nats' as const;
  readonly entry = 'nest-nats-stage.js';
  readonly broker = 'nats-server' as const;
  readonly roles = STAGES;
  readonly scaleOut = 'stage' as const;
  private client: ClientProxy | undefined;
  private nc: NatsConnection | undefined;
  private prefix = '';

  constructor(private readonly infra: BenchInfra) {}

  stageEnv(_stage: string, _replica: string, settings: StageSettings): Record<string, string> {
    return { NATS_URL: this.infra.natsUrl, BENCH_CONCURRENCY: String(settings.concurrency) };
  }

  async open(prefix: string, onCompleted: (goalId: string) => void): Promise<void> {
    this.prefix = prefix;
    Logger.overrideLogger(['error', 'warn']); // the client's connection status lines would mix into the table
    this.nc = await connect({ servers: this.infra.natsUrl, name: 'bench-harness-nest' });
    this.nc.subscribe(nestNatsNames.completedPattern(prefix), {
      callback: (error, msg) => {
        if (error) return;
        const packet = msg.json<{ data: StageMessage }>();
        onCompleted(packet.data.goalId);
      },
    });
    await this.nc.flush();
    this.client = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: { servers: [this.infra.natsUrl] },
    });
    await this.client.connect();
  }

  async publishGoal(goalId: string): Promise<void> {
    const message = buildStageMessage({
      goalId,
      stage: 'search',
      causationId: null,
      timestamp: new Date().toISOString(),
    });
    await lastValueFrom(this.client!.emit(nestNatsNames.pattern(this.prefix, 'search'), message), {
      defaultValue: undefined,
    });
  }

  async close(): Promise<void> {
    await this.client?.close();
    await this.nc?.drain();
  }
}
