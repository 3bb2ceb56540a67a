import type { Stage } from '../pipeline/stages.js';
import type { SystemId } from './system-ids.js';

/** How the replicas of one stage run. */
export interface StageSettings {
  /** Tasks one replica works on at once (for a whole-pipeline worker: goals it runs at once). */
  readonly concurrency: number;
  /** Simulated I/O per task (ms); a whole-pipeline worker applies it to the scrape step only. */
  readonly workMs: number;
  /** Scrape steps a whole-pipeline worker runs at once (default `concurrency`); the scale-out run sets 1. */
  readonly scaledStageConcurrency?: number;
  /** Scrapes the search stage fans out to per goal, joined before rank (absent: one task per hop, no join). */
  readonly fanOut?: number;
}

/** The servers a run provides to every system. */
export interface BenchInfra {
  readonly natsUrl: string;
  readonly redisUrl: string;
  /** The pass's private PostgreSQL (only when LangGraph runs). */
  readonly postgresUrl?: string;
  /** The pass's private Restate server (only when Restate runs). */
  readonly restate?: { readonly ingressUrl: string; readonly adminUrl: string };
  /** OTLP/HTTP endpoint of the local receiver (for the tracing-on run). */
  readonly otlpEndpoint: string;
  /** Shorter idle timers so a quick run does not wait on them (pull renewal). */
  readonly quick: boolean;
}

/**
 * A kind of process a system runs: one per pipeline stage, or one `worker` that runs the whole pipeline (a
 * LangGraph graph runs its four nodes in one process; a Restate service endpoint runs all four steps).
 */
export type ProcessRole = Stage | 'worker';

/**
 * What the scale-out run replicates: the I/O-bound `stage` alone (a work queue per stage), the whole `worker`
 * (a system that cannot scale one stage, behind a round-robin balancer), or `none` (not measured: the system
 * pushes to one endpoint, and spreading it over replicas is a load balancer's job outside it).
 */
export type ScaleOutUnit = 'stage' | 'worker' | 'none';

/** The server process whose CPU counts as the system's broker (with every process it forks). */
export type BrokerName = 'nats-server' | 'redis-server' | 'postgres' | 'restate-server';

/**
 * One system under test as the harness drives it: which processes it runs, what environment they get, how the
 * run's queues are created, how a goal is published and how its completion is seen. The processes themselves
 * are started and stopped by the harness.
 */
export interface PipelineDriver {
  readonly id: SystemId;
  /** File name of the process entry, in the bench's `dist/agents`. */
  readonly entry: string;
  /** The broker process whose CPU counts for this system. */
  readonly broker: BrokerName;
  /** The processes one deployment runs, one replica each: the four stages, or one whole-pipeline worker. */
  readonly roles: readonly ProcessRole[];
  /** What the scale-out run replicates. */
  readonly scaleOut: ScaleOutUnit;
  /**
   * Whether its stages can fan the search out to N scrapes and join them (`StageSettings.fanOut`): the "how cost
   * grows" runs measure only systems that can.
   */
  readonly canFanOut?: boolean;
  /** Environment of one replica besides the common `BENCH_*` variables. */
  stageEnv(role: ProcessRole, replica: string, settings: StageSettings): Record<string, string>;
  /** Creates the run's queues and connects the goal publisher and the completion listener. */
  open(prefix: string, onCompleted: (goalId: string) => void): Promise<void>;
  /**
   * Told which replicas of `role` run now, by the ports their READY lines named (after every start or stop), for
   * systems that must know where their workers listen: to balance goals over them, or to register an endpoint.
   */
  replicasChanged?(role: ProcessRole, ports: readonly number[]): Promise<void>;
  /** Publishes one goal into the first stage (resolves once the system accepted it). */
  publishGoal(goalId: string): Promise<void>;
  /** Disconnects and removes what `open` created. */
  close(): Promise<void>;
}
