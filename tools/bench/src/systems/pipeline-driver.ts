import type { Stage } from '../pipeline/stages.js';
import type { SystemId } from './system-ids.js';

/** How the replicas of one stage run. */
export interface StageSettings {
  /** Tasks one replica works on at once. */
  readonly concurrency: number;
  /** Simulated I/O per task (ms). */
  readonly workMs: number;
}

/** The servers a run provides to every system. */
export interface BenchInfra {
  readonly natsUrl: string;
  readonly redisUrl: string;
  /** OTLP/HTTP endpoint of the local receiver (for the tracing-on run). */
  readonly otlpEndpoint: string;
  /** Shorter idle timers so a quick run does not wait on them (pull renewal). */
  readonly quick: boolean;
}

/**
 * One system under test as the harness drives it: which process runs a stage, what environment it gets, how the
 * run's queues are created, how a goal is published and how its completion is seen. The stage processes
 * themselves are started and stopped by the harness.
 */
export interface PipelineDriver {
  readonly id: SystemId;
  /** File name of the stage process entry, in the bench's `dist/agents`. */
  readonly entry: string;
  /** The broker process whose CPU counts for this system (`nats-server` or `redis-server`). */
  readonly broker: 'nats-server' | 'redis-server';
  /** Environment of one stage replica besides the common `BENCH_*` variables. */
  stageEnv(stage: Stage, replica: string, settings: StageSettings): Record<string, string>;
  /** Creates the run's queues and connects the goal publisher and the completion listener. */
  open(prefix: string, onCompleted: (goalId: string) => void): Promise<void>;
  /** Publishes one goal into the first stage (resolves once the system accepted it). */
  publishGoal(goalId: string): Promise<void>;
  /** Disconnects and removes what `open` created. */
  close(): Promise<void>;
}
