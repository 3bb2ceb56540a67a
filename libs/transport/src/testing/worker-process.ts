/**
 * A worker replica as its own process, for crash and shutdown tests: a Nest microservice on the JetStream
 * transport serving the `work` queue of the isolated topology named by WORKER_PREFIX. It prints
 * `STARTED|FINISHED|DEAD-LETTERED <taskId> <deliveryCount>` lines and `READY` once its consumer is bound.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals } from '../nest/close-on-signals.js';
import { JetStreamServer } from '../nest/jetstream.server.js';
import { transportSettingsFromEnv } from '../settings.js';
import { isolatedTopology } from '../topology.js';
import { createWorkController } from './work-controller.js';

async function main(): Promise<void> {
  const prefix = process.env['WORKER_PREFIX'];
  if (!prefix) throw new Error('WORKER_PREFIX is required');
  const settings = transportSettingsFromEnv(process.env);
  const { topology, queues } = isolatedTopology(prefix, ['work', 'next']);
  const controller = createWorkController(
    queues['work']!,
    queues['next']!,
    (event, taskId, deliveryCount) => {
      process.stdout.write(`${event.toUpperCase()} ${taskId} ${deliveryCount}\n`);
    },
  );

  @Module({ controllers: [controller] })
  class WorkerModule {}

  const server = new JetStreamServer({ settings, topology, agentKind: 'worker' });
  const app = await NestFactory.createMicroservice(WorkerModule, {
    strategy: server,
    logger: ['error', 'warn'],
  });
  closeOnSignals(app);
  await app.listen();
  process.stdout.write('READY\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
