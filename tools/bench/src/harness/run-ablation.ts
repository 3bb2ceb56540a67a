import { uniqueName } from '@swarm/testing';
import type { AblationStep, BenchSettings } from '../stats/bench-results.js';
import { summarizeLatency } from '../stats/percentiles.js';
import { ABLATION_STEPS } from '../stats/target-bounds.js';
import type { BenchInfra, PipelineDriver } from '../systems/pipeline-driver.js';
import type { RawProtocol } from '../systems/raw-jetstream.driver.js';
import { RawJetStreamDriver } from '../systems/raw-jetstream.driver.js';
import { SwarmDriver } from '../systems/swarm.driver.js';
import { goalIds, measureLatency, measureThroughput } from './measure.js';
import { Pipeline } from './pipeline.js';
import { CpuMeter } from './cpu-meter.js';

const RAW_STEPS: readonly { protocol: RawProtocol; name: string; description: string }[] = [
  {
    protocol: 'consume',
    name: ABLATION_STEPS.consume,
    description: 'system (a): prefetching consume(), publish, ack',
  },
  {
    protocol: 'next',
    name: ABLATION_STEPS.next,
    description: 'one consumer.next() per free slot, as the swarm pulls',
  },
  {
    protocol: 'swarm-like',
    name: ABLATION_STEPS.protocol,
    description:
      'next() per slot + swarm headers + a claimed event at the start + a completed event with the hand-off, the ack after all three PubAcks',
  },
];

const ABLATION_ROUNDS = 2;

/**
 * Prices the swarm's per-task protocol: raw nats.js stages with the swarm's protocol added piece by piece, then
 * the swarm itself (tracing off and on), each measured for throughput, latency and CPU per goal in one pass.
 */
export async function runAblation(
  infra: BenchInfra,
  settings: BenchSettings,
  agentsDir: string,
  log: (line: string) => void,
): Promise<AblationStep[]> {
  const steps: { name: string; description: string; driver: PipelineDriver }[] = [
    ...RAW_STEPS.map((step) => ({ ...step, driver: new RawJetStreamDriver(infra, step.protocol) })),
    {
      name: ABLATION_STEPS.off,
      description: 'the transport: the above + zod validation, Nest dispatch, task context',
      driver: new SwarmDriver(infra, false),
    },
    {
      name: ABLATION_STEPS.on,
      description: '+ OpenTelemetry spans exported over OTLP',
      driver: new SwarmDriver(infra, true),
    },
  ];
  // Two rounds over every step, keeping each step's faster one: a burst of other people's load then spoils at
  // most one of the two, and the steps share the same moments of the machine.
  const best = new Map<string, AblationStep>();
  for (let round = 1; round <= ABLATION_ROUNDS; round += 1) {
    for (const step of steps) {
      log(`ablation round ${round}: ${step.name}`);
      const measured = await measureStep(step, settings, agentsDir);
      const previous = best.get(step.name);
      if (!previous || measured.goalsPerSec > previous.goalsPerSec) best.set(step.name, measured);
    }
  }
  const out = steps.map((step) => best.get(step.name)!);
  return out;
}

async function measureStep(
  step: { name: string; description: string; driver: PipelineDriver },
  settings: BenchSettings,
  agentsDir: string,
): Promise<AblationStep> {
  const pipeline = await Pipeline.deploy({
    driver: step.driver,
    prefix: uniqueName('bench_ablation'),
    agentsDir,
    settings: { concurrency: settings.concurrency, workMs: 0 },
  });
  try {
    const run = { window: settings.window, stallMs: 20_000 };
    await measureThroughput(pipeline, goalIds('w', settings.warmupGoals), run);
    const latency = summarizeLatency(
      await measureLatency(pipeline, goalIds('l', settings.latencyGoals), { timeoutMs: 15_000, gapMs: 2 }),
    );
    const cpu = await CpuMeter.start(
      pipeline.processes().map((p) => p.process.pid),
      'nats-server',
    );
    const throughput = await measureThroughput(pipeline, goalIds('t', settings.throughputGoals), run);
    return {
      name: step.name,
      description: step.description,
      goalsPerSec: throughput.goalsPerSec,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      cpuMsPerGoal: await cpu.stop(throughput.completed),
    };
  } finally {
    await pipeline.stop();
  }
}
