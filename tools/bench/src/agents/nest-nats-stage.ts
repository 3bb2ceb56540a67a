/**
 * A stage of the NestJS core-NATS pipeline as its own process: a Nest microservice on `Transport.NATS` with a
 * queue group per stage (so replicas share the events), handing off through `ClientProxy.emit`.
 */
import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ClientProxy, MicroserviceOptions } from '@nestjs/microservices';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { nestNatsNames } from '../pipeline/system-names.js';
import { createNestStageController, NEXT_STAGE_CLIENT } from './nest-stage.controller.js';
import { loadStageEnv, readyLine } from './stage-env.js';
import { WorkSlots } from './stage-work.js';

@Module({})
class NestStageModule {}

async function main(): Promise<void> {
  const env = loadStageEnv(process.env);
  const stage = env.BENCH_STAGE;
  const servers = env.NATS_URL.split(',');
  const controller = createNestStageController({
    stage,
    prefix: env.BENCH_PREFIX,
    workMs: env.BENCH_WORK_MS,
    slots: new WorkSlots(env.BENCH_CONCURRENCY),
  });
  const module: DynamicModule = {
    module: NestStageModule,
    imports: [
      ClientsModule.register([{ name: NEXT_STAGE_CLIENT, transport: Transport.NATS, options: { servers } }]),
    ],
    controllers: [controller],
  };
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    transport: Transport.NATS,
    options: { servers, queue: nestNatsNames.queueGroup(env.BENCH_PREFIX, stage) },
    logger: ['error', 'warn'],
  });
  await app.listen();
  await app.get<ClientProxy>(NEXT_STAGE_CLIENT).connect();

  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(readyLine('nest-nats', stage));
}

main().catch((error: unknown) => {
  process.stderr.write(`nest-nats stage failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
