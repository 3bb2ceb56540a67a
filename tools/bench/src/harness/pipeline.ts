import { join } from 'node:path';
import type { Stage } from '../pipeline/stages.js';
import { STAGES } from '../pipeline/stages.js';
import type { PipelineDriver, StageSettings } from '../systems/pipeline-driver.js';
import { CompletionTracker } from './completion-tracker.js';
import { StageProcess } from './stage-process.js';

/** A system's pipeline as the harness runs it: the driver's queues plus replicas of every stage as processes. */
export class Pipeline {
  readonly completions = new CompletionTracker();
  private readonly replicas: Record<Stage, StageProcess[]> = { search: [], scrape: [], rank: [], report: [] };
  private spawned = 0;

  private constructor(
    readonly driver: PipelineDriver,
    readonly prefix: string,
    private readonly agentsDir: string,
  ) {}

  /** Creates the system's queues and starts one replica per stage with `settings` (and `nodeArgs`). */
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
        STAGES.map((stage) => pipeline.addReplicas(stage, 1, options.settings, options.nodeArgs)),
      );
    } catch (error) {
      await pipeline.stop();
      throw error;
    }
    return pipeline;
  }

  /** Every running stage process with its stage. */
  processes(): { stage: Stage; process: StageProcess }[] {
    return STAGES.flatMap((stage) => this.replicas[stage].map((process) => ({ stage, process })));
  }

  /** How many replicas `stage` has. */
  replicaCount(stage: Stage): number {
    return this.replicas[stage].length;
  }

  /** Starts `count` more replicas of `stage` (optionally with extra node flags, e.g. `--cpu-prof`). */
  async addReplicas(
    stage: Stage,
    count: number,
    settings: StageSettings,
    nodeArgs: readonly string[] = [],
  ): Promise<void> {
    const started = await Promise.all(
      Array.from({ length: count }, () => {
        this.spawned += 1;
        const replica = `${stage}-${this.spawned}`;
        return StageProcess.start({
          label: `${this.driver.id} ${replica}`,
          entry: join(this.agentsDir, this.driver.entry),
          nodeArgs,
          env: {
            PATH: process.env['PATH'],
            HOME: process.env['HOME'],
            NODE_ENV: 'production',
            BENCH_STAGE: stage,
            BENCH_PREFIX: this.prefix,
            BENCH_WORK_MS: String(settings.workMs),
            BENCH_CONCURRENCY: String(settings.concurrency),
            ...this.driver.stageEnv(stage, replica, settings),
          },
        });
      }),
    );
    this.replicas[stage].push(...started);
  }

  /** Stops every replica of `stage` (gracefully). */
  async stopStage(stage: Stage): Promise<void> {
    const stopping = this.replicas[stage].splice(0);
    await Promise.all(stopping.map((p) => p.stop()));
  }

  /** Stops every replica, then closes the driver. */
  async stop(): Promise<void> {
    await Promise.all(STAGES.map((stage) => this.stopStage(stage)));
    await this.driver.close();
  }
}
