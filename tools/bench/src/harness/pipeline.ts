import { join } from 'node:path';
import { isStage } from '../pipeline/stages.js';
import type { PipelineDriver, ProcessRole, StageSettings } from '../systems/pipeline-driver.js';
import { CompletionTracker } from './completion-tracker.js';
import { StageProcess } from './stage-process.js';

/**
 * A system's pipeline as the harness runs it: the driver's queues plus replicas of each of its process roles (the
 * four stages, or one whole-pipeline worker) as processes.
 */
export class Pipeline {
  readonly completions = new CompletionTracker();
  private readonly replicas = new Map<ProcessRole, StageProcess[]>();
  private spawned = 0;

  private constructor(
    readonly driver: PipelineDriver,
    readonly prefix: string,
    private readonly agentsDir: string,
  ) {}

  /** Creates the system's queues and starts one replica per role with `settings` (and `nodeArgs`). */
  static async deploy(options: {
    readonly driver: PipelineDriver;
    readonly prefix: string;
    readonly agentsDir: string;
    readonly settings: StageSettings;
    /** Extra node flags for every replica (e.g. `--cpu-prof`, or `--import` of a loader for an experiment). */
    readonly nodeArgs?: readonly string[];
  }): Promise<Pipeline> {
    const pipeline = new Pipeline(options.driver, options.prefix, options.agentsDir);
    await options.driver.open(options.prefix, pipeline.completions.complete);
    try {
      await Promise.all(
        options.driver.roles.map((role) => pipeline.addReplicas(role, 1, options.settings, options.nodeArgs)),
      );
    } catch (error) {
      await pipeline.stop();
      throw error;
    }
    return pipeline;
  }

  /** Every running process with its role (`stage`: a stage, or `worker`). */
  processes(): { stage: ProcessRole; process: StageProcess }[] {
    return this.driver.roles.flatMap((stage) => this.of(stage).map((process) => ({ stage, process })));
  }

  /** How many replicas `role` has. */
  replicaCount(role: ProcessRole): number {
    return this.of(role).length;
  }

  /** Starts `count` more replicas of `role` (optionally with extra node flags, e.g. `--cpu-prof`). */
  async addReplicas(
    role: ProcessRole,
    count: number,
    settings: StageSettings,
    nodeArgs: readonly string[] = [],
  ): Promise<void> {
    const settled = await Promise.allSettled(
      Array.from({ length: count }, () => {
        this.spawned += 1;
        const replica = `${role}-${this.spawned}`;
        return StageProcess.start({
          label: `${this.driver.id} ${replica}`,
          entry: join(this.agentsDir, this.driver.entry),
          nodeArgs,
          env: {
            PATH: process.env['PATH'],
            HOME: process.env['HOME'],
            NODE_ENV: 'production',
            ...(isStage(role) ? { BENCH_STAGE: role } : {}),
            BENCH_PREFIX: this.prefix,
            BENCH_WORK_MS: String(settings.workMs),
            BENCH_CONCURRENCY: String(settings.concurrency),
            ...(settings.fanOut === undefined ? {} : { BENCH_FANOUT: String(settings.fanOut) }),
            ...this.driver.stageEnv(role, replica, settings),
          },
        });
      }),
    );
    // Keep the ones that started even when a sibling failed, so stopping the pipeline stops them too.
    for (const result of settled) if (result.status === 'fulfilled') this.of(role).push(result.value);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await this.driver.replicasChanged?.(role, this.ports(role));
  }

  /** Stops every replica of `role` (gracefully). */
  async stopStage(role: ProcessRole): Promise<void> {
    const stopping = this.of(role).splice(0);
    await this.driver.replicasChanged?.(role, []);
    await Promise.all(stopping.map((p) => p.stop()));
  }

  /** Stops every replica, then closes the driver. */
  async stop(): Promise<void> {
    await Promise.all(this.driver.roles.map((role) => this.stopStage(role)));
    await this.driver.close();
  }

  private of(role: ProcessRole): StageProcess[] {
    let list = this.replicas.get(role);
    if (!list) this.replicas.set(role, (list = []));
    return list;
  }

  private ports(role: ProcessRole): number[] {
    return this.of(role).flatMap((p) => (p.port === undefined ? [] : [p.port]));
  }
}
