import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import { Objm } from '@nats-io/obj';
import type { DeploymentKey } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import type { BusTopology } from '../topology.js';
import type { ArtifactStores } from './goal-context.js';
import { putDeploymentRecord, readDeploymentRecord } from './deployment-records.js';
import { GoalContext } from './goal-context.js';
import type { GoalKeyChange, GoalKeysWatch } from './goal-keys-watch.js';
import { watchGoalKeys } from './goal-keys-watch.js';

/** Opens the goal-context buckets (KV and every artifact bucket) once and hands out a GoalContext per goal. */
export class GoalContextFactory {
  private constructor(
    private readonly kv: KV,
    private readonly objects: ArtifactStores,
    private readonly casMaxAttempts: number,
    private readonly multipleFilterSubjects: boolean,
  ) {}

  static async open(
    bus: BusConnection,
    topology: BusTopology,
    casMaxAttempts: number,
  ): Promise<GoalContextFactory> {
    const kv = await new Kvm(bus.nc).open(topology.goalsBucket);
    const objm = new Objm(bus.nc);
    const { artifacts, reports } = topology.artifactBuckets;
    const objects: ArtifactStores = {
      artifacts: { bucket: artifacts, store: await objm.open(artifacts) },
      reports: { bucket: reports, store: await objm.open(reports) },
    };
    return new GoalContextFactory(kv, objects, casMaxAttempts, bus.features.multipleFilterSubjects);
  }

  forGoal(goalId: string): GoalContext {
    return new GoalContext(goalId, this.kv, this.objects, this.casMaxAttempts);
  }

  /** Reads a deployment-level record (see `readDeploymentRecord`): its JSON, or `undefined` when absent. */
  readDeploymentRecord(key: DeploymentKey): Promise<unknown> {
    return readDeploymentRecord(this.kv, key);
  }

  /** Writes a deployment-level record with a plain put (see `putDeploymentRecord`). */
  putDeploymentRecord(key: DeploymentKey, value: unknown): Promise<void> {
    return putDeploymentRecord(this.kv, key, value);
  }

  /** Watches every goal's keys matching `patterns` (see `watchGoalKeys`). */
  watch(
    patterns: readonly string[],
    onChange: (change: GoalKeyChange) => void | Promise<void>,
    onError: (error: unknown) => void,
  ): Promise<GoalKeysWatch> {
    return watchGoalKeys(this.kv, this.multipleFilterSubjects, patterns, onChange, onError);
  }
}
