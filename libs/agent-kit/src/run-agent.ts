import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, startTelemetry } from '@swarm/telemetry';
import type { BusTopology, TransportSettings } from '@swarm/transport';
import { closeOnSignals, currentTaskScope, JetStreamServer, swarmTopology } from '@swarm/transport';
import type { ModelSettings } from '@swarm/models';
import { describeModel } from '@swarm/models';
import type { AgentEnv, AgentProfile } from './agent-profile.js';
import type { HealthServer } from './health-server.js';
import { startHealthServer } from './health-server.js';
import { PinoNestLogger } from './nest-logger.js';

/** A running agent: its transport, health endpoint, and a way to stop both. */
export interface RunningAgent {
  readonly server: JetStreamServer;
  readonly health: HealthServer;
  close(): Promise<void>;
}

/**
 * Boots one agent replica: telemetry from the OTEL_* variables (OTLP traces, Prometheus metrics at `/metrics`,
 * JSON logs carrying trace, span and goal ids), a Nest microservice on the JetStream transport, the health
 * endpoint, and graceful shutdown on SIGTERM/SIGINT. Prints `READY <kind> <instance> health=<port>` once every
 * consumer is bound.
 */
export async function runAgent(options: {
  readonly profile: AgentProfile;
  readonly module: Type | DynamicModule;
  readonly transport: TransportSettings;
  readonly agentEnv: AgentEnv;
  readonly topology?: BusTopology;
  readonly handleSignals?: boolean;
  /** The agent's model settings, shown by the health endpoint; the builtin brain when absent. */
  readonly model?: ModelSettings;
}): Promise<RunningAgent> {
  const { profile, transport, agentEnv } = options;
  const telemetry = startTelemetry({
    serviceName: profile.kind,
    serviceInstanceId: transport.instanceId,
    env: agentEnv,
  });
  const logger = createLogger({
    name: profile.kind,
    level: agentEnv.LOG_LEVEL,
    base: { service: telemetry.serviceName, instance: transport.instanceId },
    contextFields: () => {
      const scope = currentTaskScope();
      return scope ? { goal_id: scope.goalId, task_id: scope.taskId } : undefined;
    },
  });
  const server = new JetStreamServer({
    settings: transport,
    topology: options.topology ?? swarmTopology(),
    agentKind: profile.kind,
  });
  const app = await NestFactory.createMicroservice(options.module, {
    strategy: server,
    logger: new PinoNestLogger(logger),
  });
  await app.listen();
  const health = await startHealthServer({
    host: agentEnv.HEALTH_HOST,
    port: agentEnv.HEALTH_PORT,
    profile,
    model: describeModel(options.model ?? { provider: 'builtin' }),
    instanceId: transport.instanceId,
    health: () => server.health(),
    metrics: telemetry.metricsEnabled
      ? (request, response) => telemetry.handleMetrics(request, response)
      : undefined,
  });
  const running: RunningAgent = {
    server,
    health,
    close: async () => {
      await app.close();
      await health.close();
      await telemetry.shutdown();
    },
  };
  if (options.handleSignals ?? true) closeOnSignals(running);
  process.stdout.write(`READY ${profile.kind} ${transport.instanceId} health=${health.port}\n`);
  return running;
}

/** Runs `main` and exits 1 with the error's message (not a stack dump) when boot fails. */
export function bootOrExit(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`agent failed to start: ${message}\n`);
    process.exit(1);
  });
}
