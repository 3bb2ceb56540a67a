import type { AgentRef, DeadLetterRecord, DeadLetterSource, ErrorInfo, ModelUsage } from '@swarm/contracts';
import { SCHEMA_VERSION } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { REFUSAL_CODES, TRANSPORT_ERROR_CODES } from '../errors.js';
import type { HeaderRecord } from '../bus/codec.js';
import { publishMessage } from '../bus/publisher.js';
import type { GoalContext } from '../context/goal-context.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import { buildDeadLetterRecord, UNKNOWN_GOAL_ID } from './dead-letter-record.js';
import { recordGoalEnds } from './goal-end-evidence.js';
import { eventIdBase, failedEvent, goalFailedEvent } from './lifecycle-events.js';
import type { DeadLetterHookFn, QueueBinding, TraceCarrier } from './queue-binding.js';

/** What the dead-letterer needs. */
export interface DeadLettererDeps {
  readonly bus: BusConnection;
  readonly topology: BusTopology;
  readonly binding: QueueBinding;
  readonly agent: AgentRef;
  readonly settings: TransportSettings;
  readonly hook?: DeadLetterHookFn;
  readonly goalContext: (goalId: string) => GoalContext;
}

/**
 * Publishes a dead-letter record (awaiting its PubAck), the `task.failed` event that names it, `goal.failed`
 * (after its evidence `end.<queue>`) when the queue fails its goal, and runs the queue's dead-letter hook. A
 * message refused as not its goal's work (`REFUSAL_CODES`), or a task parked for want of budget, neither fails the
 * goal nor runs the hook.
 * Idempotent: the record id is `dlq/<stream>/<seq>`, so running it again for the same message changes nothing
 * downstream.
 */
export class DeadLetterer {
  constructor(private readonly deps: DeadLettererDeps) {}

  async deadLetter(input: {
    readonly data: Uint8Array;
    readonly headers: HeaderRecord;
    readonly source: DeadLetterSource;
    readonly deliveryCount: number;
    readonly reason: ErrorInfo;
    readonly known?: { readonly goalId: string; readonly taskId?: string; readonly messageId?: string };
    readonly trace: TraceCarrier;
    /** What the failed attempt spent on models, for its `task.failed` event. */
    readonly usage?: ModelUsage | undefined;
    /**
     * False when the goal id was only sniffed from an undecodable payload or its headers, which anyone who may
     * publish the task can forge: the record names that goal, but it is not failed.
     */
    readonly mayFailGoal?: boolean;
    /**
     * True for a task parked because its goal's budget ran out under the `pause` policy: the record keeps it for
     * `SwarmClient.addToBudget` to replay, and it neither fails the goal nor runs the queue's dead-letter hook.
     */
    readonly parked?: boolean;
  }): Promise<DeadLetterRecord> {
    const { bus, topology, binding, agent, settings } = this.deps;
    const now = new Date();
    const record = buildDeadLetterRecord({
      queue: binding.queue.name,
      reason: input.reason,
      source: input.source,
      deliveryCount: input.deliveryCount,
      data: input.data,
      headers: input.headers,
      payloadLimitBytes: settings.deadLetterPayloadLimitBytes,
      known: input.known,
      now,
    });
    await publishMessage(
      bus,
      { subject: topology.deadLetterSubject(binding.queue.name), message: record },
      input.trace,
    );
    const task = {
      goalId: record.goalId,
      taskId: record.taskId,
      messageId: record.causationId ?? record.messageId,
      queue: binding.queue.name,
      agent,
      eventIdBase: eventIdBase(record.taskId, input.headers),
    };
    const failed = failedEvent(
      task,
      input.deliveryCount,
      { error: input.reason, retryInMs: null, deadLetterId: record.messageId, usage: input.usage },
      now,
    );
    await publishMessage(
      bus,
      { subject: topology.eventSubject(record.goalId, 'task.failed'), message: failed },
      input.trace,
    );
    const goalKnown = record.goalId !== UNKNOWN_GOAL_ID;
    // A refused message (forged or misaddressed) is not its goal's work: it neither fails the goal nor lands.
    const refused = REFUSAL_CODES.has(input.reason.code) || input.parked === true;
    // An exhausted budget (policy `fail`, or a passed deadline) ends the goal whatever the queue's own rule says.
    const failsGoal =
      !refused &&
      input.mayFailGoal !== false &&
      (input.reason.code === TRANSPORT_ERROR_CODES.budgetExhausted ||
        (typeof binding.failsGoalOnDeadLetter === 'function'
          ? binding.failsGoalOnDeadLetter(input.reason)
          : binding.failsGoalOnDeadLetter));
    if (failsGoal && goalKnown) {
      const goalFailed = goalFailedEvent(task, input.deliveryCount, input.reason, record.messageId, now);
      await recordGoalEnds(this.deps.goalContext, binding.queue.name, [{ message: goalFailed }], now);
      await publishMessage(
        bus,
        { subject: topology.eventSubject(record.goalId, 'goal.failed'), message: goalFailed },
        input.trace,
      );
    }
    if (this.deps.hook && !refused) {
      const goal = goalKnown ? this.deps.goalContext(record.goalId) : undefined;
      const result = await this.deps.hook(record, {
        record,
        goal,
        agent,
        envelope: ({ messageId, taskId }) => ({
          schemaVersion: SCHEMA_VERSION,
          messageId,
          goalId: record.goalId,
          taskId: taskId ?? messageId,
          causationId: record.messageId,
          attempt: 1,
          timestamp: new Date().toISOString(),
        }),
      });
      await Promise.all((result?.emit ?? []).map((outbound) => publishMessage(bus, outbound, input.trace)));
    }
    return record;
  }
}
