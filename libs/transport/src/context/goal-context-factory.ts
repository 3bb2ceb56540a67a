import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { ObjectStore } from '@nats-io/obj';
import { Objm } from '@nats-io/obj';
import type { BusConnection } from '../bus/bus-connection.js';
import type { BusTopology } from '../topology.js';
import { GoalContext } from './goal-context.js';

/** Opens the goal-context buckets once and hands out a GoalContext per goal. */
export class GoalContextFactory {
  private constructor(
    private readonly kv: KV,
    private readonly objects: ObjectStore,
    private readonly casMaxAttempts: number,
  ) {}

  static async open(
    bus: BusConnection,
    topology: BusTopology,
    casMaxAttempts: number,
  ): Promise<GoalContextFactory> {
    const kv = await new Kvm(bus.nc).open(topology.goalsBucket);
    const objects = await new Objm(bus.nc).open(topology.artifactsBucket);
    return new GoalContextFactory(kv, objects, casMaxAttempts);
  }

  forGoal(goalId: string): GoalContext {
    return new GoalContext(goalId, this.kv, this.objects, this.casMaxAttempts);
  }
}
