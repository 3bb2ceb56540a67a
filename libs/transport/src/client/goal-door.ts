import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { StreamRole } from '@swarm/contracts';
import type { GoalBudget } from '@swarm/contracts';
import { DeliveryCapabilities, GoalSubmitted, overCeiling, sinksNotEnabled } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { BudgetOverCeilingError, SinkNotEnabledError, SwarmFullError } from '../errors.js';
import type { BusTopology } from '../topology.js';
import type { CapacityReading } from './goal-admission.js';
import { decideAdmission, describeRefusal, NEXT_STEP } from './goal-admission.js';

/** The streams every goal needs room in: its events and the task queues it fans out into. */
const ROLES_A_GOAL_NEEDS: readonly StreamRole[] = ['events', 'tasks'];

/** JetStream API codes of a publish refused for want of room (nats-server 2.9 and later). */
const STORE_FAILED = 10077; // "maximum messages exceeded", "maximum bytes exceeded" (discard new)
const ACCOUNT_RESOURCES_EXCEEDED = 10002; // the account's JetStream quota is used up
const INSUFFICIENT_RESOURCES = 10023; // the server's store is used up

/**
 * What the server says about the room a new goal needs: each events and task-queue stream of the topology and
 * the JetStream account (with its per-replica tiers on 2.10+). A stream not provisioned yet is left out.
 */
export async function readGoalCapacity(
  bus: BusConnection,
  topology: BusTopology,
): Promise<CapacityReading[]> {
  const specs = topology.streams.filter((spec) => ROLES_A_GOAL_NEEDS.includes(spec.role));
  const streams = await Promise.all(
    specs.map(async (spec): Promise<CapacityReading | undefined> => {
      const info = await bus.jsm.streams.info(spec.name).catch((error: unknown) => {
        if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)
          return undefined;
        throw error;
      });
      if (!info) return undefined;
      return {
        resource: `stream ${spec.name}`,
        bytes: info.state.bytes,
        maxBytes: info.config.max_bytes,
        messages: info.state.messages,
        maxMessages: info.config.max_msgs,
      };
    }),
  );
  const account = await bus.jsm.getAccountInfo();
  const accounts: CapacityReading[] = [
    { tier: '', usage: account },
    ...Object.entries(account.tiers ?? {}).map(([tier, usage]) => ({ tier: ` (${tier})`, usage })),
  ].flatMap(({ tier, usage }) =>
    usage
      ? [
          {
            resource: `jetstream account${tier}`,
            bytes: usage.storage,
            maxBytes: usage.limits.max_storage,
            messages: 0,
            maxMessages: -1,
          },
        ]
      : [],
  );
  return [...streams.filter((reading): reading is CapacityReading => reading !== undefined), ...accounts];
}

/** Refuses a new goal with SwarmFullError when the room it needs is at or above `highWater`. */
export async function checkGoalAdmission(
  bus: BusConnection,
  topology: BusTopology,
  highWater: number,
): Promise<SwarmFullError | undefined> {
  const admission = decideAdmission(await readGoalCapacity(bus, topology), highWater);
  if (admission.admit) return undefined;
  return new SwarmFullError(
    admission.full.resource,
    admission.full.fill,
    describeRefusal(admission.full, highWater),
  );
}

/**
 * The SwarmFullError for a publish into `stream` that the server refused for want of room (the stream at its
 * limit with discard new, the account's quota or the server's store used up); `undefined` for any other error.
 */
export function fullStoreError(error: unknown, stream: string): SwarmFullError | undefined {
  if (!(error instanceof JetStreamApiError)) return undefined;
  const reason = error.message;
  let resource: string;
  if (error.code === STORE_FAILED && /maximum (bytes|messages) exceeded/i.test(reason))
    resource = `stream ${stream}`;
  else if (error.code === ACCOUNT_RESOURCES_EXCEEDED) resource = 'jetstream account';
  else if (error.code === INSUFFICIENT_RESOURCES) resource = 'jetstream server store';
  else return undefined;
  return new SwarmFullError(
    resource,
    1,
    `new goals refused, the swarm is full: ${resource} refused the goal (${reason}). ${NEXT_STEP}`,
    { cause: error },
  );
}

/**
 * Refuses a `goal.submitted` message whose `deliverTo` names a sink the deployment does not enable, as the
 * communications agent announced it (`readRecord` gives the raw `DEPLOYMENT_KEYS.delivery` record). No record
 * (communications never started, an older deployment, no goals bucket yet) or one this client cannot parse (a
 * newer deployment's sink) admits the goal: the communications agent still fails a goal it cannot deliver.
 */
export async function checkDeliverySinks(
  message: unknown,
  readRecord: () => Promise<unknown>,
): Promise<SinkNotEnabledError | undefined> {
  const goal = GoalSubmitted.safeParse(message);
  const deliverTo = goal.success ? goal.data.goal.deliverTo : undefined;
  if (!deliverTo || deliverTo.length === 0) return undefined;
  const record = await readRecord().catch((error: unknown) => {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)
      return undefined;
    throw error;
  });
  const capabilities = DeliveryCapabilities.safeParse(record);
  if (!capabilities.success) return undefined;
  const missing = sinksNotEnabled(deliverTo, capabilities.data);
  return missing.length === 0 ? undefined : new SinkNotEnabledError(missing, capabilities.data.sinks);
}

/**
 * Refuses a `goal.submitted` message whose budget asks for more than the deployment's `ceiling`
 * (SWARM_BUDGET_MAX_*), naming each quantity over it. A goal without a budget gets the defaults, which the
 * settings keep at or under the ceiling. Pure.
 */
export function checkBudgetCeiling(
  message: unknown,
  ceiling: GoalBudget,
): BudgetOverCeilingError | undefined {
  const goal = GoalSubmitted.safeParse(message);
  const over = goal.success ? overCeiling(goal.data.goal.budget, ceiling) : [];
  return over.length === 0 ? undefined : new BudgetOverCeilingError(over);
}
