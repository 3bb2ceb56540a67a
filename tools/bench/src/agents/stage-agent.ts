/**
 * A stage of the pipeline as a swarm agent: booted through `runAgent` like every service (so whatever the
 * agent kit wires in, tracing included, is measured), serving one queue of the run's isolated topology.
 * Tracing follows the standard OpenTelemetry variables (`OTEL_SDK_DISABLED`, `OTEL_EXPORTER_OTLP_ENDPOINT`).
 */
import 'reflect-metadata';
import { AgentEnv, bootOrExit, parseEnv, runAgent } from '@swarm/agent-kit';
import { isolatedTopology, transportSettingsFromEnv } from '@swarm/transport';
import { STAGES } from '../pipeline/stages.js';
import { createStageController } from './stage.controller.js';
import { loadStageEnv } from './stage-env.js';

bootOrExit(async () => {
  const env = loadStageEnv(process.env);
  const { topology, queues } = isolatedTopology(env.BENCH_PREFIX, STAGES);
  const controller = createStageController({
    stage: env.BENCH_STAGE,
    queues,
    topology,
    workMs: env.BENCH_WORK_MS,
    fanOut: env.BENCH_FANOUT,
  });
  await runAgent({
    profile: {
      kind: env.BENCH_STAGE,
      role: 'Benchmark stage',
      goal: `Hand every ${env.BENCH_STAGE} task to the next stage at once`,
      tools: [],
    },
    module: { module: class BenchStageModule {}, controllers: [controller] },
    transport: transportSettingsFromEnv(process.env),
    agentEnv: parseEnv(AgentEnv, process.env),
    topology,
  });
});
