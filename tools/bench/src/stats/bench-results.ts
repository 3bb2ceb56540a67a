import type { ScaleOutUnit } from '../systems/pipeline-driver.js';
import type { SystemId } from '../systems/system-ids.js';
import type { LatencySummary } from './percentiles.js';

/** Throughput at saturation: N goals kept in flight up to a window, timed from first publish to last completion. */
export interface ThroughputFigures {
  readonly goals: number;
  readonly completed: number;
  /** Goals that never completed (only a transport without durability loses any). */
  readonly lost: number;
  readonly elapsedMs: number;
  readonly goalsPerSec: number;
  readonly handoffsPerSec: number;
}

/** CPU time spent per goal during the throughput run, by who spent it, in milliseconds. */
export interface CpuPerGoal {
  readonly stages: number;
  readonly broker: number;
  readonly harness: number;
  readonly total: number;
  /** Share of the machine's CPU other processes used during the measurement (0-1): its noise. */
  readonly othersShare: number;
}

/** One point of the scale-out run. */
export interface ScalePoint {
  readonly replicas: number;
  readonly goalsPerSec: number;
  /** throughput(k) / (k * throughput(1)). */
  readonly efficiency: number;
}

/**
 * One point of the "how cost grows" runs: one system with `fanOut` scrapes per goal (0: one task per hop, no
 * join) and `replicas` of every stage, measured as the main run measures (throughput at saturation with CPU per
 * goal, then latency one goal at a time).
 */
export interface GrowthPoint {
  readonly fanOut: number;
  readonly replicas: number;
  /** Stage (or whole-pipeline worker) processes that ran: replicas x the system's process roles. */
  readonly processes: number;
  readonly throughput: ThroughputFigures;
  /** Tasks per second (goals/s x tasks per goal). */
  readonly tasksPerSec: number;
  /** The headline: goals/s divided by the machine's cores (`MachineInfo.cpus`). */
  readonly goalsPerSecPerCore: number;
  /** Goals per second of CPU the system actually used (stages, broker, harness): 1000 / CPU ms per goal. */
  readonly goalsPerCpuSecond: number;
  readonly cpuMsPerGoal: CpuPerGoal;
  readonly latencyMs: LatencySummary;
}

/**
 * The growth runs of one system: by fan-out (one replica each), and by replicas of every stage (no fan-out); a
 * whole-pipeline worker (LangGraph, Restate) is replicated whole.
 */
export interface GrowthResult {
  readonly id: SystemId;
  readonly letter: string;
  readonly label: string;
  readonly cores: number;
  readonly fanOut: readonly GrowthPoint[];
  readonly replicas: readonly GrowthPoint[];
}

/** Everything measured for one system in one run. */
export interface SystemResult {
  readonly id: SystemId;
  readonly letter: string;
  readonly label: string;
  readonly throughput: ThroughputFigures;
  readonly latencyMs: LatencySummary;
  /**
   * Resident set per process in MB (keyed by stage, or `worker` for a whole-pipeline worker): after boot (idle)
   * and the peak during the throughput run.
   */
  readonly rssMb: {
    readonly idle: Readonly<Record<string, number>>;
    readonly load: Readonly<Record<string, number>>;
    readonly idleMax: number;
    readonly loadMax: number;
  };
  readonly cpuMsPerGoal: CpuPerGoal;
  /** Scale-out points (empty when not measured). */
  readonly scaleOut: readonly ScalePoint[];
  /**
   * What the scale-out run replicated: the I/O-bound stage, the whole worker (a system that cannot scale one
   * stage), or nothing (not measured). Absent in reports written before issue 18: the stage.
   */
  readonly scaleOutUnit?: ScaleOutUnit;
  /** What the local OTLP receiver got during this system's runs (systems with tracing). */
  readonly otlp?: { readonly requests: number; readonly bytes: number };
  /** 1-minute load average when this system started and ended. */
  readonly loadAverage: { readonly before: number; readonly after: number };
}

/** A system's figures over the baseline's (a), from the same run. */
export interface RelativeFigures {
  readonly throughput: number;
  readonly p50: number;
  readonly p99: number;
  /** (p50 - p50 of the baseline) / 4 hops, in milliseconds. */
  readonly addedPerHopMs: number;
  readonly rssIdle: number;
  readonly cpuPerGoal: number;
  /** Absent when the system has no scale-out figure. */
  readonly scaleEfficiencyAt4?: number;
}

/** One of the targets, checked against the run. */
export interface TargetCheck {
  readonly id: string;
  readonly description: string;
  readonly target: string;
  readonly measured: number;
  readonly unit: string;
  readonly met: boolean;
}

/** The machine the run happened on. */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly natsServer: string;
  readonly redis: string;
  readonly redisOrigin: 'spawned' | 'external';
  /** Version of the private PostgreSQL (when LangGraph ran). */
  readonly postgres?: string;
  /** Version of the private restate-server (when Restate ran). */
  readonly restate?: string;
  readonly os: string;
}

/** CPU hot spots of one stage process under load, from its `--cpu-prof` profile. */
export interface ProfileSummary {
  readonly system: SystemId;
  readonly stage: string;
  readonly file: string;
  readonly totalMs: number;
  readonly tasks: number;
  readonly cpuUsPerTask: number;
  readonly byCategory: readonly { readonly name: string; readonly selfMs: number; readonly share: number }[];
  readonly topFrames: readonly {
    readonly name: string;
    readonly location: string;
    readonly selfMs: number;
    readonly share: number;
  }[];
  /** Messaging and tracing functions by time including their (synchronous) callees. */
  readonly topInclusive: readonly {
    readonly name: string;
    readonly location: string;
    readonly totalMs: number;
    readonly share: number;
  }[];
}

/** One step of the protocol ablation: the swarm's per-task protocol rebuilt on raw nats.js, piece by piece. */
export interface AblationStep {
  readonly name: string;
  readonly description: string;
  readonly goalsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMsPerGoal: CpuPerGoal;
}

/** One complete pass over every system. */
export interface BenchRun {
  readonly index: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly systems: readonly SystemResult[];
  readonly relative: Partial<Record<SystemId, RelativeFigures>>;
  readonly targets: readonly TargetCheck[];
  /** 1-minute load average before and after the pass (`uptime`). */
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
  /** Share of the machine's CPU used by other processes during the pass (0-1): the noise. */
  readonly foreignCpuShare: number;
  /** The "how cost grows" runs (absent in reports written before them, empty when none ran). */
  readonly growth?: readonly GrowthResult[];
}

/** What the "how cost grows" runs measure (`BENCH_GROWTH_*`, `BENCH_FANOUTS` in bench-config.ts). */
export interface GrowthSettings {
  readonly systems: readonly SystemId[];
  readonly fanOuts: readonly number[];
  readonly replicas: readonly number[];
  /** Tasks per run; goals = max(20, tasks / tasks per goal). */
  readonly tasks: number;
  readonly latencyGoals: number;
}

/** Settings of a benchmark invocation, recorded with its results. */
export interface BenchSettings {
  readonly quick: boolean;
  readonly runs: number;
  readonly warmupGoals: number;
  readonly latencyGoals: number;
  readonly throughputGoals: number;
  readonly window: number;
  readonly concurrency: number;
  readonly scaleGoalsPerReplica: number;
  readonly scaleReplicas: readonly number[];
  readonly scaleWorkMs: number;
  readonly systems: readonly SystemId[];
  /** Absent in reports written before the growth runs. */
  readonly growth?: GrowthSettings;
}

/** What `npm run bench` writes as JSON. */
export interface BenchReport {
  readonly version: 1;
  readonly settings: BenchSettings;
  readonly machine: MachineInfo;
  readonly runs: readonly BenchRun[];
  /** Index into `runs` of the quieter pass (least foreign CPU), the one the table shows. */
  readonly reported: number;
  readonly profiles: readonly ProfileSummary[];
  /** The swarm's protocol priced piece by piece on raw nats.js, in one pass (with the profiles). */
  readonly ablation: readonly AblationStep[];
  /** RSS of a fresh node process importing each layer of an agent in turn (with the profiles). */
  readonly footprint: readonly { readonly name: string; readonly rssMb: number }[];
}
